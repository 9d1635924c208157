import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { log } from "@/lib/log/logger.mjs";
import { createTestDb } from "@/lib/testing/test-db";
import { ensureFirstAdmin } from "./ensure-first-admin";

describe("ensureFirstAdmin", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    vi.restoreAllMocks();
  });

  it("puts a generated password in a private file beside the database and never in the log", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "first-admin-"));
    process.env.DATABASE_PATH = path.join(dir, "app.db");
    delete process.env.ADMIN_PASSWORD;
    process.env.ADMIN_EMAIL = "owner@example.com";
    const logged: string[] = [];
    vi.spyOn(log, "info").mockImplementation(((...args: unknown[]) => void logged.push(JSON.stringify(args))) as typeof log.info);
    const { db } = await createTestDb();

    await ensureFirstAdmin(db);

    const file = path.join(dir, "first-admin-password.txt");
    const password = fs.readFileSync(file, "utf8").trim();
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(logged.join("\n")).toContain(file);
    expect(logged.join("\n")).not.toContain(password);
    const [admin] = await db.select().from(users).limit(1);
    expect(admin?.email).toBe("owner@example.com");
    expect(await verifyPassword(admin!.passwordHash, password)).toBe(true);
  });
});
