import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/values/roles";
import { can } from "@/lib/auth/permissions";
import { NAV_GROUPS, NAV_ITEMS } from "./nav-items";

describe("sidebar order", () => {
  it("lists items group by group, so every role sees the groups in one order", () => {
    const groupIndexes = NAV_ITEMS.map((item) => NAV_GROUPS.indexOf(item.group));
    expect(groupIndexes).toEqual([...groupIndexes].sort((a, b) => a - b));
  });

  it("gives every role the Overview first and its settings last", () => {
    for (const role of ROLES) {
      const groups = [...new Set(NAV_ITEMS.filter((item) => can(role, item.permission)).map((item) => item.group))];
      expect(groups[0]).toBe("Overview");
      expect(groups).toEqual(NAV_GROUPS.filter((group) => groups.includes(group)));
    }
  });
});
