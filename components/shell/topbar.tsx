import Link from "next/link";
import { LogOut } from "lucide-react";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/actor";
import { Badge } from "@/components/ui/badge";
import { GlobalSearch } from "@/components/search/global-search";
import { MenuButton } from "./nav-drawer";
import { ThemeToggle } from "./theme-toggle";
import type { Theme } from "./theme";

export function Topbar({ actor, theme, signOutAction }: { actor: Actor; theme: Theme; signOutAction: () => Promise<void> }) {
  return (
    <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-line bg-surface/90 px-4 backdrop-blur sm:gap-3 sm:px-6">
      <MenuButton />
      {/* The global search box sits at the left and takes the free width. */}
      <div className="min-w-0 flex-1">
        <GlobalSearch />
      </div>
      <ThemeToggle initial={theme} />
      <Link href="/account" className="min-w-0 text-right leading-tight hover:underline" data-testid="current-user">
        <span className="block truncate text-sm font-medium text-fg">{actor.name}</span>
        <span className="hidden truncate text-xs text-muted sm:block">{actor.email}</span>
      </Link>
      <Badge tone="blue">{ROLE_LABELS[actor.role]}</Badge>
      <form action={signOutAction}>
        <button
          type="submit"
          className="inline-flex h-9 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-zinc-700 hover:bg-subtle hover:text-fg focus-visible:outline-2 focus-visible:outline-accent-600"
        >
          <LogOut className="h-4 w-4" aria-hidden />
          <span className="sr-only sm:not-sr-only">Sign out</span>
        </button>
      </form>
    </header>
  );
}
