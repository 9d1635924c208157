import type { Permission } from "@/lib/auth/permissions";

export type NavItem = { href: string; label: string; permission: Permission; group: string };

/** The sidebar, in design.md §6 order; items a role cannot use are filtered out by the layout. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Overview", permission: "dashboard.read", group: "Overview" },
  { href: "/mids", label: "MIDs", permission: "mids.read", group: "Payments" },
  { href: "/campaigns", label: "Campaigns", permission: "campaigns.read", group: "Payments" },
  { href: "/orders", label: "Orders", permission: "orders.read", group: "Orders" },
  { href: "/transactions", label: "Transactions", permission: "transactions.read", group: "Orders" },
  { href: "/customers", label: "Customers", permission: "customers.read", group: "Orders" },
  { href: "/order-entry", label: "Order entry", permission: "orders.create", group: "Orders" },
  { href: "/settings/users", label: "Users", permission: "users.manage", group: "Settings" },
  { href: "/ipn", label: "IPN inbox", permission: "ipn.read", group: "IPN" },
  { href: "/settings/declines", label: "Decline messages", permission: "declines.write", group: "Settings" },
  { href: "/settings/api-users", label: "API users", permission: "api_users.manage", group: "Settings" },
  { href: "/settings/audit", label: "Audit log", permission: "audit.read", group: "Settings" },
];
