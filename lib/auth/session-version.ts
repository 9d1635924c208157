import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";

/**
 * Every session cookie carries the user's session version from its sign-in; raising the version
 * refuses every cookie issued before, on every device, at the next request.
 */
export async function bumpSessionVersion(db: Pick<Db, "update">, userId: number): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}

/**
 * Sign-out: ends the user's sessions only when the signing-out cookie is still live, so a copied
 * cookie that was already refused cannot be used to sign its owner out again and again.
 */
export async function endSessionsIfCurrent(db: Pick<Db, "update">, userId: number, version: number): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.id, userId), eq(users.sessionVersion, version)));
}
