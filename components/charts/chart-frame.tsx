"use client";

import { useIsClient } from "./use-is-client";

/**
 * A fixed-height box a chart draws into once the page is interactive; until then a quiet
 * placeholder holds the space so nothing jumps. `summary` is what a screen reader gets instead
 * of the drawing (the figures also appear as text or a table nearby).
 */
export function ChartFrame({ summary, heightClass = "h-56", children }: { summary: string; heightClass?: string; children: React.ReactNode }) {
  const isClient = useIsClient();
  return (
    <div role="img" aria-label={summary} className={`${heightClass} w-full min-w-0`}>
      {isClient ? children : <div className="h-full w-full animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-800" aria-hidden />}
    </div>
  );
}
