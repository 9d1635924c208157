"use client";

import { createContext, Suspense, useContext, useEffect, useLayoutEffect, useState } from "react";
import { usePathname, useSearchParams } from "next/navigation";

/** The page a client-side navigation is loading, while it loads; null otherwise. */
const PendingNavigation = createContext<URL | null>(null);

export function usePendingNavigation(): URL | null {
  return useContext(PendingNavigation);
}

/**
 * Watches link clicks that Next's router will handle, and knows which page is loading until
 * the address changes: the thin bar at the top of the window, and the skeleton the shell
 * shows in place of the page (see PendingContent), both read it.
 */
export function NavigationProvider({ children }: { children: React.ReactNode }) {
  // The address comes from a leaf under its own Suspense: useSearchParams suspends on the
  // server, and a boundary around the children with them as fallback put the whole page (shell
  // and table) into the HTML twice.
  const [location, setLocation] = useState<string | null>(null);
  // Where a navigation started from, and where to: it is pending until the location differs.
  const [pending, setPending] = useState<{ from: string; to: URL } | null>(null);

  useEffect(() => {
    if (location === null) return;
    let giveUp: ReturnType<typeof setTimeout> | undefined;
    function onClick(event: MouseEvent) {
      const target = readNavigationTarget(event);
      if (!target || location === null || `${target.pathname}?${target.searchParams.toString()}` === location) return;
      setPending({ from: location, to: target });
      clearTimeout(giveUp);
      giveUp = setTimeout(() => setPending(null), GIVE_UP_MS);
    }
    // Capture phase: Next's <Link> cancels the click's default action before bubbling ends.
    document.addEventListener("click", onClick, true);
    return () => {
      document.removeEventListener("click", onClick, true);
      clearTimeout(giveUp);
    };
  }, [location]);

  // Once the address has moved on, that navigation is over, even if a later one (a redirect, a
  // toast dropping its ?saved=) comes back to where it started: forget it, or the skeleton would
  // cover that page again. (Adjusting state while rendering, as React documents for this case.)
  if (pending && pending.from !== location) setPending(null);
  const loading = pending && pending.from === location ? pending.to : null;
  return (
    <PendingNavigation.Provider value={loading}>
      <Suspense fallback={null}>
        <LocationWatcher onLocation={setLocation} />
      </Suspense>
      {loading && (
        <div className="pointer-events-none fixed inset-x-0 top-0 z-[90] h-0.5" aria-hidden data-testid="navigation-progress">
          <div className="nav-progress h-full bg-accent-500" />
        </div>
      )}
      {children}
    </PendingNavigation.Provider>
  );
}

// A navigation that has not arrived after this long has failed or was stopped; stop showing it.
const GIVE_UP_MS = 15_000;

/**
 * Reports the current address (path and query) whenever it changes; renders nothing. A layout
 * effect, so an arrived page is never painted under the skeleton for a frame.
 */
function LocationWatcher({ onLocation }: { onLocation: (location: string) => void }) {
  const location = `${usePathname()}?${useSearchParams().toString()}`;
  useLayoutEffect(() => onLocation(location), [location, onLocation]);
  return null;
}

/** The address a click is about to open in this tab through Next's router, or null. */
function readNavigationTarget(event: MouseEvent): URL | null {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = (event.target as Element | null)?.closest?.("a[href]");
  if (!(anchor instanceof HTMLAnchorElement) || anchor.target === "_blank" || anchor.hasAttribute("download")) return null;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin || url.pathname.startsWith("/api/") || url.pathname.endsWith("/export")) return null;
  return url;
}
