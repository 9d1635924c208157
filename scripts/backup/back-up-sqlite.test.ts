import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, sqliteClientOf } from "@/db/client";
import { users } from "@/db/schema";
import { backUpSqlite, chooseBackupFile } from "./back-up-sqlite";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function liveDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "backup-"));
  dirs.push(dir);
  const file = path.join(dir, "mid-console.db");
  const db = openDatabase(file);
  const now = Date.now();
  await db.insert(users).values({ email: "kept@test.local", name: "Kept", role: "admin", passwordHash: "x", createdAt: now, updatedAt: now });
  return { dir, file, db };
}

describe("backUpSqlite", () => {
  it("copies the live database into a new 0600 file named with the time, as one file that passes integrity_check", async () => {
    const { dir, file, db } = await liveDatabase();
    const target = chooseBackupFile(file, undefined, new Date("2026-12-02T04:05:06.789Z"));
    expect(target).toBe(path.join(dir, "backups", "mid-console-2026-12-02T04-05-06Z.db"));
    const previous = process.umask(0o022);
    try {
      const backup = await backUpSqlite(file, target);
      expect(backup).toEqual({ file: target, bytes: fs.statSync(target).size, pages: expect.any(Number) });
    } finally {
      process.umask(previous);
    }
    expect((fs.statSync(target).mode & 0o777).toString(8)).toBe("600");
    expect(fs.existsSync(`${target}-wal`)).toBe(false);
    // The app's connection stays usable and unaffected.
    expect(await db.select().from(users)).toHaveLength(1);
    sqliteClientOf(db).close();

    const copy = new Database(target, { readonly: true });
    expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(copy.prepare("select email from users").pluck().all()).toEqual(["kept@test.local"]);
    copy.close();
  });

  it("writes into a folder that is given, never overwrites a backup, and names a missing database", async () => {
    const { dir, file, db } = await liveDatabase();
    const folder = path.join(dir, "elsewhere");
    fs.mkdirSync(folder);
    const at = new Date("2026-12-02T05:00:00Z");
    const target = chooseBackupFile(file, folder, at);
    expect(target).toBe(path.join(folder, "mid-console-2026-12-02T05-00-00Z.db"));
    await backUpSqlite(file, target);
    const size = fs.statSync(target).size;
    await expect(backUpSqlite(file, target)).rejects.toThrow(`backup: ${target} already exists; give another file or folder.`);
    expect(fs.statSync(target).size).toBe(size);
    expect(chooseBackupFile(file, path.join(dir, "named.db"))).toBe(path.join(dir, "named.db"));
    const missing = path.join(dir, "none.db");
    await expect(backUpSqlite(missing, path.join(dir, "x.db"))).rejects.toThrow(`DATABASE_PATH: ${missing} does not exist; there is nothing to back up.`);
    expect(fs.existsSync(path.join(dir, "x.db"))).toBe(false);
    sqliteClientOf(db).close();
  });
});
