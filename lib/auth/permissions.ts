import type { Role } from "@/lib/values/roles";

/** Permissions as data: `resource.verb` strings, one map from role to what it may do. */
export const PERMISSIONS = [
  "dashboard.read",
  "mids.read",
  "mids.write",
  "mids.secrets.write",
  "campaigns.read",
  "campaigns.write",
  "orders.read",
  "orders.create",
  "orders.refund",
  "orders.note",
  "transactions.read",
  "customers.read",
  "ipn.read",
  "declines.write",
  "users.manage",
  "api_users.manage",
  "audit.read",
  "settings.manage",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const SUPPORT: Permission[] = ["dashboard.read", "orders.read", "orders.refund", "orders.note", "transactions.read", "customers.read"];

const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(PERMISSIONS),
  operator: new Set<Permission>([...SUPPORT, "mids.read", "mids.write", "mids.secrets.write", "campaigns.read", "orders.create", "ipn.read", "declines.write"]),
  campaign_manager: new Set<Permission>([
    "dashboard.read",
    "mids.read",
    "campaigns.read",
    "campaigns.write",
    "orders.read",
    "transactions.read",
    "customers.read",
  ]),
  support: new Set<Permission>(SUPPORT),
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role]?.has(permission) ?? false;
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  operator: "Operator",
  campaign_manager: "Campaign manager",
  support: "Support",
};
