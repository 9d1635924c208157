import { StatusBadge } from "@/components/ui/badge";

export function OrderStatusBadge({ status }: { status: string }) {
  return <StatusBadge kind="order" status={status} />;
}
