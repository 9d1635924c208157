import { randomBytes } from "node:crypto";
import { count } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { createUser } from "./manage-users";

/**
 * With no users yet, creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD, or with a generated
 * one-time password printed once to the server's console (never stored in clear anywhere).
 */
export async function ensureFirstAdmin(db: Db): Promise<void> {
  const existing = db.select({ n: count() }).from(users).get();
  if ((existing?.n ?? 0) > 0) return;
  const email = process.env.ADMIN_EMAIL || "admin@example.com";
  const fromEnv = Boolean(process.env.ADMIN_PASSWORD);
  const password = process.env.ADMIN_PASSWORD || randomBytes(12).toString("base64url");
  try {
    await createUser(db, null, { email, name: "Administrator", role: "admin", password });
  } catch (error) {
    console.error(`[mid-console] could not create the first admin (${email}): ${error instanceof Error ? error.message : "unknown error"}`);
    return;
  }
  if (fromEnv) console.info(`[mid-console] created the first admin ${email} from ADMIN_EMAIL/ADMIN_PASSWORD.`);
  else console.info(`[mid-console] created the first admin. Sign in once as ${email} with password ${password} and change it under Account.`);
}
