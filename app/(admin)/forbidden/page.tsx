import { Lock } from "lucide-react";
import { LinkButton } from "@/components/ui/button";
import { StatusPage } from "@/components/ui/status-page";

export const metadata = { title: "Not allowed" };

export default function ForbiddenPage() {
  return (
    <StatusPage
      code="403"
      icon={Lock}
      title="You don't have access to that page"
      description="Your role does not include this part of MID Console. Ask an admin if you need it."
    >
      <LinkButton href="/" variant="secondary">
        Back to overview
      </LinkButton>
    </StatusPage>
  );
}
