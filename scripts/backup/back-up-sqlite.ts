import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export type Backup = { file: string; bytes: number; pages: number };

const OWNER_ONLY = 0o600;

/** `<folder of the database>/backups/<name>-<UTC time>.db`, or that name inside `target` when it is a folder. */
export function chooseBackupFile(source: string, target: string | undefined, now = new Date()): string {
  const extension = path.extname(source) || ".db";
  const name = `${path.basename(source, path.extname(source))}-${now.toISOString().slice(0, 19).replace(/:/g, "-")}Z${extension}`;
  if (!target) return path.join(path.dirname(path.resolve(source)), "backups", name);
  return fs.existsSync(target) && fs.statSync(target).isDirectory() ? path.join(target, name) : target;
}

/**
 * Copies a live SQLite database with SQLite's online backup (the app may keep writing meanwhile),
 * into a new file only its owner can read (it holds customers and encrypted MID secrets), as one
 * self-contained file (rollback journal, no -wal beside it), and checks the copy with
 * `PRAGMA integrity_check`. A copy that fails the check is deleted.
 */
export async function backUpSqlite(source: string, file: string): Promise<Backup> {
  if (!fs.existsSync(source)) throw new Error(`DATABASE_PATH: ${source} does not exist; there is nothing to back up.`);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
  try {
    // Created empty, 0600 and exclusively before SQLite writes into it: never readable by others, never an old backup overwritten.
    fs.closeSync(fs.openSync(file, "wx", OWNER_ONLY));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new Error(`backup: ${file} already exists; give another file or folder.`);
    throw error;
  }
  try {
    const live = new Database(source, { fileMustExist: true });
    let pages: number;
    try {
      live.pragma("busy_timeout = 5000");
      ({ totalPages: pages } = await live.backup(file));
    } finally {
      live.close();
    }
    verifyBackup(file);
    fs.chmodSync(file, OWNER_ONLY);
    return { file, bytes: fs.statSync(file).size, pages };
  } catch (error) {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
    throw error;
  }
}

function verifyBackup(file: string): void {
  const copy = new Database(file, { fileMustExist: true });
  try {
    // The copy carries the live database's WAL mode; a backup is easier to keep and move as one file.
    copy.pragma("journal_mode = DELETE");
    const result = copy.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`backup: ${file} failed PRAGMA integrity_check (${String(result)}); it was deleted.`);
  } finally {
    copy.close();
  }
}
