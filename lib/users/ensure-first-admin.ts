import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { count } from "drizzle-orm";
import { runTransaction, type Db } from "@/db/client";
import { ADVISORY_LOCKS, lockForTransaction } from "@/db/dialect";
import { users } from "@/db/schema";
import { resolveDatabasePath } from "@/lib/config/data-dir";
import { createUser } from "./manage-users";
import { log } from "@/lib/log/logger.mjs";

/**
 * With no users yet, creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD, or with a generated
 * one-time password written to a file only the server's user can read, beside the database.
 * The log names the file, never the password: logs are collected and kept. Processes that start
 * together on one PostgreSQL take turns on an advisory lock, so exactly one creates the admin.
 */
export async function ensureFirstAdmin(db: Db): Promise<void> {
  const email = process.env.ADMIN_EMAIL || "admin@example.com";
  const fromEnv = Boolean(process.env.ADMIN_PASSWORD);
  const password = process.env.ADMIN_PASSWORD || randomBytes(12).toString("base64url");
  try {
    const created = await runTransaction(db, async (tx) => {
      await lockForTransaction(tx, ADVISORY_LOCKS.firstAdmin);
      const [existing] = await tx.select({ n: count() }).from(users).limit(1);
      if ((existing?.n ?? 0) > 0) return false;
      await createUser(tx, null, { email, name: "Administrator", role: "admin", password });
      return true;
    });
    if (!created) return;
  } catch (error) {
    log.error({ email, err: error }, `could not create the first admin (${email})`);
    return;
  }
  if (fromEnv) log.info({ email }, `created the first admin ${email} from ADMIN_EMAIL/ADMIN_PASSWORD`);
  else {
    const file = writeOneTimePassword(password);
    log.info(
      { email, file },
      `created the first admin ${email}. Its one-time password is in ${file}; sign in, change it under Account, then delete that file.`,
    );
  }
}

function writeOneTimePassword(password: string): string {
  const file = path.join(path.dirname(resolveDatabasePath()), "first-admin-password.txt");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600); // an older file keeps its mode on overwrite
  return file;
}
