import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { clearAccountFailures } from "@/lib/auth/sign-in-throttle";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors";

/** Forgets the account's recent failed sign-ins from every address, so the lock and delays end now. */
export function unlockUser(db: Db, actor: Actor, userId: number): void {
  assertCan(actor, "users.manage");
  db.transaction((tx) => {
    const user = tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).get();
    if (!user) throw new DomainError("That user no longer exists.");
    const cleared = clearAccountFailures(tx, "console", user.email);
    recordAudit(tx, actor, { action: "user.unlock", entity: "user", entityId: userId, before: { failedSignIns: cleared }, after: { failedSignIns: 0 } });
  });
}
