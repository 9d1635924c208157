import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/values/roles";
import { NAV_GROUPS, NAV_ITEMS } from "./nav-items";
import { SidebarLink } from "./sidebar-link";

export function Sidebar({ role }: { role: Role }) {
  const items = NAV_ITEMS.filter((item) => can(role, item.permission));
  const groups = NAV_GROUPS.filter((group) => items.some((item) => item.group === group));
  return (
    <nav aria-label="Main" className="flex flex-col gap-6 px-3 py-5">
      <div className="flex items-center gap-2 px-2.5">
        <span className="grid h-7 w-7 place-items-center rounded-md bg-accent-600 text-xs font-bold text-white" aria-hidden>
          M
        </span>
        <span className="text-sm font-semibold text-white">MID Console</span>
      </div>
      {groups.map((group) => (
        <div key={group}>
          <p className="mb-1 px-2.5 text-[11px] font-semibold uppercase tracking-wider text-nav-muted">{group}</p>
          <div className="space-y-0.5">
            {items
              .filter((item) => item.group === group)
              .map((item) => (
                <SidebarLink key={item.href} href={item.href} label={item.label} icon={<item.icon className="h-4 w-4 shrink-0" aria-hidden />} />
              ))}
          </div>
        </div>
      ))}
    </nav>
  );
}
