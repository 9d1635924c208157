import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { IpnDisposition } from "@/lib/ipn/ipn-disposition";

export const DISPOSITION_LABELS: Record<IpnDisposition, string> = {
  applied: "Applied",
  duplicate: "Duplicate",
  rejected: "Rejected",
  "unknown-seller": "Unknown seller",
  mismatched: "Mismatched",
  unmatched: "Unmatched",
};

const TONES: Record<IpnDisposition, BadgeTone> = {
  applied: "green",
  duplicate: "slate",
  rejected: "red",
  "unknown-seller": "red",
  mismatched: "amber",
  unmatched: "blue",
};

/** What became of an IPN, in the same words on the inbox and the order page. */
export function DispositionBadge({ disposition }: { disposition: IpnDisposition }) {
  return <Badge tone={TONES[disposition]}>{DISPOSITION_LABELS[disposition]}</Badge>;
}
