"use client";

import { DetailPageSkeleton, ListPageSkeleton } from "@/components/ui/skeleton";
import { usePendingNavigation } from "./navigation-progress";

// List screens and whether they have a filter bar; every other screen loads as a detail page.
const LIST_SCREENS: Record<string, { label: string; filters: boolean }> = {
  "/orders": { label: "orders", filters: true },
  "/transactions": { label: "transactions", filters: true },
  "/customers": { label: "customers", filters: true },
  "/mids": { label: "MIDs", filters: true },
  "/campaigns": { label: "campaigns", filters: false },
  "/ipn": { label: "IPN inbox", filters: false },
  "/settings/audit": { label: "audit log", filters: true },
};

/**
 * The page, or while a link's page loads, a skeleton of it. Shown from the client rather than
 * through loading.tsx: a loading boundary makes Next send the page's status line before the
 * page runs, so a 404 (unknown order) or a 307 (role may not see it) would arrive as a 200.
 * The page stays mounted (hidden), so a navigation that never arrives loses nothing.
 */
export function PendingContent({ children }: { children: React.ReactNode }) {
  const target = usePendingNavigation();
  const list = target ? LIST_SCREENS[target.pathname] : undefined;
  return (
    <>
      {target && (list ? <ListPageSkeleton label={list.label} filters={list.filters} /> : <DetailPageSkeleton label="page" />)}
      <div hidden={target !== null} className="contents">
        {children}
      </div>
    </>
  );
}
