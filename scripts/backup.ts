/**
 * `npm run backup [-- <file or folder>]`: an online backup of the SQLite database (DATABASE_PATH)
 * to a new 0600 file, by default `backups/<name>-<UTC time>.db` beside the database, checked with
 * `PRAGMA integrity_check`. The app may keep running. PostgreSQL: docs/OPERATIONS.md.
 */
import { resolveDatabasePath } from "@/lib/config/data-dir";
import { log } from "@/lib/log/logger.mjs";
import { backUpSqlite, chooseBackupFile } from "./backup/back-up-sqlite";

const [target, ...extra] = process.argv.slice(2).filter((arg) => arg !== "--");
if (extra.length > 0 || target?.startsWith("-")) {
  log.fatal(`backup: takes one optional argument, the file or folder to write to (got ${process.argv.slice(2).join(" ")}).`);
  process.exit(1);
}

const source = resolveDatabasePath();
try {
  const backup = await backUpSqlite(source, chooseBackupFile(source, target));
  log.info({ ...backup, source, integrity: "ok" }, `backed up ${source} to ${backup.file}`);
} catch (error) {
  log.fatal(error instanceof Error ? error.message : "backup failed");
  process.exit(1);
}
