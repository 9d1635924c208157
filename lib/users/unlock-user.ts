import { eq } from "drizzle-orm";
import { runTransaction, type Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { clearAccountFailures } from "@/lib/auth/sign-in-throttle";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors";

/** Forgets the account's recent failed sign-ins from every address, so the lock and delays end now. */
export async function unlockUser(db: Db, actor: Actor, userId: number): Promise<void> {
  assertCan(actor, "users.manage");
  await runTransaction(db, async (tx) => {
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (!user) throw new DomainError("That user no longer exists.");
    const cleared = await clearAccountFailures(tx, "console", user.email);
    await recordAudit(tx, actor, { action: "user.unlock", entity: "user", entityId: userId, before: { failedSignIns: cleared }, after: { failedSignIns: 0 } });
  });
}
