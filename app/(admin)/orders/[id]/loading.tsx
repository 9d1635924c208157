import { DetailPageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <DetailPageSkeleton label="order" />;
}
