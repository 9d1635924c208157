import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { openTestDatabase } from "@/lib/testing/test-database";
import { users } from "@/db/schema";
import { createTestMid } from "@/lib/testing/test-mids";
import { readCapRoom } from "./cap-ledger";

const run = promisify(execFile);

describe("cap under concurrent processes", () => {
  it("never lets four processes racing on one database reserve past the cap", async () => {
    const { db, env } = await openTestDatabase({ file: true });
    const now = Date.now();
    const [admin] = await db
      .insert(users)
      .values({ email: "a@t.local", name: "a", role: "admin", passwordHash: "x", createdAt: now, updatedAt: now })
      .returning();
    // Cap 100.00, orders of 7.00: exactly 14 fit.
    const mid = await createTestMid(db, { userId: admin.id, email: admin.email, name: "a", role: "admin", ip: null }, { monthly_cap: "100.00" });
    const worker = path.join(process.cwd(), "lib/testing/reserve-cap-worker.ts");
    const tsx = path.join(process.cwd(), "node_modules/.bin/tsx");
    const results = await Promise.all([0, 1, 2, 3].map(() => run(tsx, [worker, String(mid.id), "700", "10"], { env: { ...process.env, ...env } })));
    const fitted = results.reduce((sum, r) => sum + Number(r.stdout), 0);
    expect(fitted).toBe(14);
    expect(await readCapRoom(db, mid.id, "2026-11")).toMatchObject({ reservedMinor: 9800, leftMinor: 200 });
  }, 60_000);
});
