import { StatusBadge } from "@/components/ui/badge";
import { IPN_DISPOSITIONS, type IpnDisposition } from "@/lib/ipn/ipn-disposition";
import { statusLabel } from "@/lib/status-vocabulary";

export const DISPOSITION_LABELS = Object.fromEntries(IPN_DISPOSITIONS.map((d) => [d, statusLabel("ipn", d)])) as Record<IpnDisposition, string>;

/** What became of an IPN, in the same words on the inbox and the order page. */
export function DispositionBadge({ disposition }: { disposition: IpnDisposition }) {
  return <StatusBadge kind="ipn" status={disposition} />;
}
