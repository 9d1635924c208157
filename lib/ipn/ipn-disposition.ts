/**
 * What became of a notification (stored in `ipn_events.disposition`):
 * - applied: verified, bound to one of our rows within its seller's MIDs, and applied (idempotently);
 * - duplicate: a copy of a notification already received from the same seller;
 * - rejected: the signature or the envelope did not verify;
 * - unknown-seller: genuinely signed, but no MID has its Seller ID;
 * - mismatched: it names one of our rows but its amount, currency, environment or Amazon parent
 *   ids disagree with that row, so nothing was applied;
 * - unmatched: nothing of ours could be bound to it (yet); nothing was applied.
 */
export const IPN_DISPOSITIONS = ["applied", "duplicate", "rejected", "unknown-seller", "mismatched", "unmatched"] as const;
export type IpnDisposition = (typeof IPN_DISPOSITIONS)[number];

/** Dispositions whose bodies are kept only in part and count towards the per-source cap. */
export const REFUSED_DISPOSITIONS = ["rejected", "unknown-seller"] as const satisfies readonly IpnDisposition[];

export function isIpnDisposition(value: string | null | undefined): value is IpnDisposition {
  return (IPN_DISPOSITIONS as readonly string[]).includes(value ?? "");
}
