import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { declineRules } from "@/db/schema";
import { DECLINE_REASONS, type DeclineKind, type DeclineReasonCode } from "./default-decline-rules";

export type MappedDecline = { reasonCode: DeclineReasonCode; kind: DeclineKind; message: string };

/** Amazon's authorization reason code (+ SoftDecline) → our reason class. */
export function classifyAuthorizationDecline(reasonCode: string | null | undefined, softDecline: boolean | null | undefined): DeclineReasonCode {
  if (reasonCode === "InvalidPaymentMethod") return softDecline ? "InvalidPaymentMethod:soft" : "InvalidPaymentMethod:hard";
  if (reasonCode === "AmazonRejected" || reasonCode === "ProcessingFailure" || reasonCode === "TransactionTimedOut") return reasonCode;
  return "ApiError";
}

/** MID rule → global rule → built-in default. */
export async function mapDecline(db: Pick<Db, "select">, midId: number, reasonCode: DeclineReasonCode): Promise<MappedDecline> {
  const [forMid] = await db
    .select()
    .from(declineRules)
    .where(and(eq(declineRules.midId, midId), eq(declineRules.reasonCode, reasonCode)));
  const rule =
    forMid ??
    (
      await db
        .select()
        .from(declineRules)
        .where(and(isNull(declineRules.midId), eq(declineRules.reasonCode, reasonCode)))
    )[0];
  if (rule) return { reasonCode, kind: rule.kind, message: rule.message };
  const fallback = DECLINE_REASONS.find((r) => r.code === reasonCode) ?? DECLINE_REASONS.find((r) => r.code === "ApiError")!;
  return { reasonCode, kind: fallback.kind, message: fallback.message };
}
