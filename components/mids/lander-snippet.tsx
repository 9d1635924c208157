"use client";

import { useId, useState } from "react";
import { cn } from "@/components/ui/cn";
import { Button } from "@/components/ui/button";

export function LanderSnippet({ oneTime, recurring }: { oneTime: string; recurring: string }) {
  const [tab, setTab] = useState<"one-time" | "recurring">("one-time");
  const [copied, setCopied] = useState(false);
  const code = tab === "one-time" ? oneTime : recurring;
  const ids = useId();

  async function copy() {
    await navigator.clipboard.writeText(code);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  }

  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <div role="tablist" aria-label="Product type" className="inline-flex rounded-md bg-zinc-100 p-0.5">
          {(["one-time", "recurring"] as const).map((t) => (
            <button
              key={t}
              id={`${ids}-${t}`}
              role="tab"
              aria-controls={`${ids}-panel`}
              type="button"
              aria-selected={tab === t}
              onClick={() => setTab(t)}
              className={cn("rounded px-3 py-1 text-xs font-medium", tab === t ? "bg-surface text-zinc-900 shadow-sm" : "text-zinc-600 hover:text-zinc-900")}
            >
              {t === "one-time" ? "One-time" : "Recurring"}
            </button>
          ))}
        </div>
        <Button variant="secondary" size="sm" onClick={copy}>
          {copied ? "Copied" : "Copy code"}
        </Button>
      </div>
      {/* Focusable, so a keyboard can scroll the long lines; named by the tab it shows. */}
      <pre
        id={`${ids}-panel`}
        role="tabpanel"
        tabIndex={0}
        aria-labelledby={`${ids}-${tab}`}
        className="max-h-96 min-w-0 overflow-auto rounded-md bg-code p-4 text-xs leading-relaxed text-code-fg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600"
      >
        <code>{code}</code>
      </pre>
    </div>
  );
}
