import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, type Permission } from "./permissions";
import { ROLES, type Role } from "@/lib/values/roles";

// The whole matrix, written out so a change to a role is a visible change to this table.
const EXPECTED: Record<Role, Permission[]> = {
  admin: [...PERMISSIONS],
  operator: [
    "dashboard.read",
    "mids.read",
    "mids.write",
    "mids.secrets.write",
    "campaigns.read",
    "orders.read",
    "orders.create",
    "orders.refund",
    "orders.note",
    "transactions.read",
    "customers.read",
    "ipn.read",
    "declines.write",
  ],
  campaign_manager: ["dashboard.read", "mids.read", "campaigns.read", "campaigns.write", "orders.read", "transactions.read", "customers.read"],
  support: ["dashboard.read", "orders.read", "orders.refund", "orders.note", "transactions.read", "customers.read"],
};

describe("permissions matrix", () => {
  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      const allowed = EXPECTED[role].includes(permission);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(allowed);
      });
    }
  }

  it("refuses an unknown role", () => {
    expect(can("intruder" as Role, "mids.read")).toBe(false);
  });
});
