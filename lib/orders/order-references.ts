import { DomainError } from "@/lib/errors";

/**
 * Our reference ids at Amazon (≤32 chars, unique per seller): deterministic per order and
 * attempt, so retries, the reconciler and the poller find the same Amazon object.
 * `a` = authorization attempt, `r` = refund, `x` = refund recorded from outside, `c` = capture
 * of an open authorization, `v` = void (CloseAuthorization takes no reference id; ours only keeps
 * the VOID row unique).
 */
export function buildReferenceId(orderId: number, kind: "a" | "r" | "x" | "c" | "v", n: number): string {
  return `${process.env.AMAZON_REFERENCE_PREFIX || "mc"}-${orderId}-${kind}${n}`;
}

/** The reason every customer-service action must carry. */
export function requireReason(reason: string, missingMessage = "A reason is required."): string {
  const trimmed = reason.trim();
  if (!trimmed) throw new DomainError("Check the highlighted fields.", { reason: missingMessage });
  if (trimmed.length > 255) throw new DomainError("Check the highlighted fields.", { reason: "Keep the reason under 255 characters." });
  return trimmed;
}
