import { eq } from "drizzle-orm";
import { runTransaction, type Db } from "@/db/client";
import { mids } from "@/db/schema";
import { AmazonPayError } from "@/lib/amazon-pay";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors";
import { amazonClientForMid } from "@/lib/orders/amazon-client-for-mid";

/** Amazon's error codes for bad credentials, in words an operator can act on. */
const EXPLANATIONS: Record<string, string> = {
  InvalidAccessKeyId: "Amazon does not know this MWS access key. Check the access key.",
  SignatureDoesNotMatch: "Amazon rejected the signature: the MWS secret key does not belong to this access key.",
  InvalidParameterValue: "Amazon rejected the Seller ID. Check the Seller ID (merchant_id).",
  AccessDenied: "This access key may not act for this Seller ID. Check the Seller ID and MWS auth token.",
  UnauthorizedSolutionProvider: "This access key may not act for this Seller ID. Check the MWS auth token.",
  RequestExpired: "Amazon refused the request time; check this server's clock.",
};

export type VerifyResult = { ok: boolean; summary: string };

/** GetMerchantAccountStatus with the stored keys; stores the outcome and time on the MID. */
export async function verifyMidCredentials(db: Db, actor: Actor, midId: number): Promise<VerifyResult> {
  assertCan(actor, "mids.write");
  const [mid] = await db.select().from(mids).where(eq(mids.id, midId));
  if (!mid) throw new DomainError("That MID no longer exists.");
  let result: VerifyResult;
  try {
    const status = await amazonClientForMid(db, mid).getMerchantAccountStatus();
    result =
      status.accountStatus === "ACTIVE"
        ? { ok: true, summary: "ACTIVE — Amazon accepted the credentials and the account is active." }
        : { ok: false, summary: `${status.accountStatus} — the credentials work but Amazon reports the account as ${status.accountStatus.toLowerCase()}.` };
  } catch (error) {
    if (!(error instanceof AmazonPayError)) throw error;
    const unavailable = error.httpStatus === 0 || error.httpStatus >= 500;
    result = {
      ok: false,
      summary: `${error.code} — ${EXPLANATIONS[error.code] ?? (unavailable ? "Amazon could not be reached; try again later." : error.message)}`,
    };
  }
  const at = Date.now();
  await runTransaction(db, async (tx) => {
    await tx.update(mids).set({ lastVerifiedAt: at, lastVerifyResult: result.summary }).where(eq(mids.id, midId));
    await recordAudit(tx, actor, { action: "mid.verify", entity: "mid", entityId: midId, after: { result: result.summary } });
  });
  return result;
}
