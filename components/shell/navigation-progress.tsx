"use client";

import { Suspense, useEffect, useState } from "react";
import { usePathname, useSearchParams } from "next/navigation";

/** A thin bar at the top of the window while a client-side navigation loads the next page. */
export function NavigationProgress() {
  return (
    <Suspense fallback={null}>
      <ProgressBar />
    </Suspense>
  );
}

// A navigation that has not arrived after this long has failed or was stopped; stop showing it.
const GIVE_UP_MS = 15_000;

function ProgressBar() {
  const location = `${usePathname()}?${useSearchParams().toString()}`;
  // The location a navigation started from: the bar shows until the location differs.
  const [startedFrom, setStartedFrom] = useState<string | null>(null);

  useEffect(() => {
    let giveUp: ReturnType<typeof setTimeout> | undefined;
    function onClick(event: MouseEvent) {
      const target = readNavigationTarget(event);
      if (!target || `${target.pathname}?${target.searchParams.toString()}` === location) return;
      setStartedFrom(location);
      clearTimeout(giveUp);
      giveUp = setTimeout(() => setStartedFrom(null), GIVE_UP_MS);
    }
    // Capture phase: Next's <Link> cancels the click's default action before bubbling ends.
    document.addEventListener("click", onClick, true);
    return () => {
      document.removeEventListener("click", onClick, true);
      clearTimeout(giveUp);
    };
  }, [location]);

  if (startedFrom !== location) return null;
  return (
    <div className="pointer-events-none fixed inset-x-0 top-0 z-[60] h-0.5" aria-hidden data-testid="navigation-progress">
      <div className="nav-progress h-full bg-accent-500" />
    </div>
  );
}

/** The address a click is about to open in this tab through Next's router, or null. */
function readNavigationTarget(event: MouseEvent): URL | null {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = (event.target as Element | null)?.closest?.("a[href]");
  if (!(anchor instanceof HTMLAnchorElement) || anchor.target === "_blank" || anchor.hasAttribute("download")) return null;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin || url.pathname.startsWith("/api/")) return null;
  return url;
}
