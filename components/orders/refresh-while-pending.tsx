"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

/**
 * Keeps the order page current while Amazon has not answered a refund, capture or charge:
 * re-renders the server page every few seconds, only while something is pending and the tab is
 * visible (and once at once when it becomes visible again). Stops by itself when the page
 * rendered without anything pending.
 */
export function RefreshWhilePending({ pending, everyMs = 3000 }: { pending: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!pending) return;
    const refreshIfVisible = () => {
      if (document.visibilityState === "visible") router.refresh();
    };
    const timer = window.setInterval(refreshIfVisible, everyMs);
    document.addEventListener("visibilitychange", refreshIfVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", refreshIfVisible);
    };
  }, [pending, everyMs, router]);
  if (!pending) return null;
  return (
    <p className="mb-4 flex items-center gap-2 text-xs text-muted" role="status">
      <span className="inline-block size-2 animate-pulse rounded-full bg-sky-500" aria-hidden />
      Waiting for Amazon to confirm; this page updates by itself.
    </p>
  );
}
