import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<string, BadgeTone> = {
  COMPLETE: "green",
  PENDING: "slate",
  AUTHORIZED: "blue",
  DECLINED: "amber",
  ERROR: "red",
  PARTIALLY_REFUNDED: "blue",
  REFUNDED: "violet",
  CANCELED: "slate",
  VOIDED: "slate",
};

export function OrderStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status] ?? "slate"}>{status.replace("_", " ")}</Badge>;
}
