import { SearchX } from "lucide-react";
import { LinkButton } from "@/components/ui/button";
import { StatusPage } from "@/components/ui/status-page";

export const metadata = { title: "Not found" };

/** A page of the console that names something missing (an order, MID or campaign id), inside the shell. */
export default function AdminNotFound() {
  return (
    <StatusPage
      code="404"
      icon={SearchX}
      title="There is nothing at this address"
      description="The link may be out of date, or the order, MID or campaign it named does not exist."
    >
      <LinkButton href="/" variant="secondary">
        Back to overview
      </LinkButton>
    </StatusPage>
  );
}
