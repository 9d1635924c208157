import { sqliteClientOf } from "./client";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./client";

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
const dirs: string[] = [];

function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "db-mode-"));
  dirs.push(dir);
  return path.join(dir, "nested", "app.db");
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("openDatabase file permissions", () => {
  it("creates the database and its -wal and -shm files readable by the owner only", () => {
    const previous = process.umask(0o022);
    try {
      const file = tempFile();
      const db = openDatabase(file);
      sqliteClientOf(db).prepare("create table probe (x)").run();
      for (const suffix of ["", "-wal", "-shm"]) {
        expect(fs.existsSync(file + suffix), `${suffix || "db"} exists`).toBe(true);
        expect(modeOf(file + suffix).toString(8), `${suffix || "db"} mode`).toBe("600");
      }
      sqliteClientOf(db).close();
    } finally {
      process.umask(previous);
    }
  });

  it("narrows a database file that an older version left readable to others", () => {
    const file = tempFile();
    sqliteClientOf(openDatabase(file)).close();
    fs.chmodSync(file, 0o644);
    const db = openDatabase(file);
    expect(modeOf(file).toString(8)).toBe("600");
    for (const suffix of ["-wal", "-shm"]) if (fs.existsSync(file + suffix)) expect(modeOf(file + suffix).toString(8)).toBe("600");
    sqliteClientOf(db).close();
  });
});
