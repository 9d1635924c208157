import {
  ArrowLeftRight,
  CreditCard,
  Inbox,
  KeyRound,
  LayoutDashboard,
  Megaphone,
  MessageSquareWarning,
  ScrollText,
  ShoppingCart,
  SquarePen,
  UserCog,
  Users,
  type LucideIcon,
} from "lucide-react";
import type { Permission } from "@/lib/auth/permissions";

export type NavItem = { href: string; label: string; permission: Permission; group: NavGroup; icon: LucideIcon };

/** Every role sees the groups in this order (design.md §6); a group with nothing a role may use is left out. */
export const NAV_GROUPS = ["Overview", "Payments", "Orders", "Operations", "Settings"] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

/** The sidebar's items, listed in the order of their groups; items a role cannot use are filtered out by the layout. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Overview", permission: "dashboard.read", group: "Overview", icon: LayoutDashboard },
  { href: "/mids", label: "MIDs", permission: "mids.read", group: "Payments", icon: CreditCard },
  { href: "/campaigns", label: "Campaigns", permission: "campaigns.read", group: "Payments", icon: Megaphone },
  { href: "/orders", label: "Orders", permission: "orders.read", group: "Orders", icon: ShoppingCart },
  { href: "/transactions", label: "Transactions", permission: "transactions.read", group: "Orders", icon: ArrowLeftRight },
  { href: "/customers", label: "Customers", permission: "customers.read", group: "Orders", icon: Users },
  { href: "/order-entry", label: "Order entry", permission: "orders.create", group: "Orders", icon: SquarePen },
  { href: "/ipn", label: "IPN inbox", permission: "ipn.read", group: "Operations", icon: Inbox },
  { href: "/settings/users", label: "Users", permission: "users.manage", group: "Settings", icon: UserCog },
  { href: "/settings/declines", label: "Decline messages", permission: "declines.write", group: "Settings", icon: MessageSquareWarning },
  { href: "/settings/api-users", label: "API users", permission: "api_users.manage", group: "Settings", icon: KeyRound },
  { href: "/settings/audit", label: "Audit log", permission: "audit.read", group: "Settings", icon: ScrollText },
];
