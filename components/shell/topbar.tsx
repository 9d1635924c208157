import Link from "next/link";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/actor";
import { Badge } from "@/components/ui/badge";
import { GlobalSearch } from "@/components/search/global-search";

export function Topbar({ actor, signOutAction }: { actor: Actor; signOutAction: () => Promise<void> }) {
  return (
    <header className="sticky top-0 z-20 flex h-14 items-center justify-between gap-4 border-b border-zinc-200 bg-white/90 px-6 backdrop-blur">
      <GlobalSearch />
      <div className="flex items-center gap-3 text-sm">
        <Link href="/account" className="text-right leading-tight hover:underline" data-testid="current-user">
          <span className="block font-medium text-zinc-900">{actor.name}</span>
          <span className="block text-xs text-zinc-500">{actor.email}</span>
        </Link>
        <Badge tone="blue">{ROLE_LABELS[actor.role]}</Badge>
        <form action={signOutAction}>
          <button type="submit" className="rounded-md px-2.5 py-1.5 text-sm font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900">
            Sign out
          </button>
        </form>
      </div>
    </header>
  );
}
