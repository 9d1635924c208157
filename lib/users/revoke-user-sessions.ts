import { eq } from "drizzle-orm";
import { runTransaction, type Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { bumpSessionVersion } from "@/lib/auth/session-version";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors";

/**
 * "Sign out everywhere": every session of the user ends at its next request, on every device.
 * Anyone may do it for themselves; for someone else it takes users.manage.
 */
export async function revokeUserSessions(db: Db, actor: Actor, userId: number): Promise<void> {
  if (actor.userId !== userId) assertCan(actor, "users.manage");
  await runTransaction(db, async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) throw new DomainError("That user no longer exists.");
    await bumpSessionVersion(tx, userId);
    await recordAudit(tx, actor, { action: "user.sessions_revoke", entity: "user", entityId: userId });
  });
}
