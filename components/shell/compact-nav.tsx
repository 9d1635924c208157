import { can } from "@/lib/auth/permissions";
import type { Role } from "@/db/schema/users";
import { NAV_ITEMS } from "./nav-items";
import { SidebarLink } from "./sidebar-link";

/** The sidebar's links as a scrollable strip, for screens narrower than the sidebar layout. */
export function CompactNav({ role }: { role: Role }) {
  return (
    <nav aria-label="Sections" className="flex gap-1 overflow-x-auto bg-zinc-900 px-3 py-2 md:hidden">
      {NAV_ITEMS.filter((item) => can(role, item.permission)).map((item) => (
        <div key={item.href} className="shrink-0">
          <SidebarLink href={item.href} label={item.label} />
        </div>
      ))}
    </nav>
  );
}
