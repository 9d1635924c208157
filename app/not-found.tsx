import { SearchX } from "lucide-react";
import { LinkButton } from "@/components/ui/button";
import { StatusPage } from "@/components/ui/status-page";

export const metadata = { title: "Not found" };

/** Our own 404 for addresses no route matches (Next's built-in one uses inline styles, which the Content-Security-Policy blocks). */
export default function NotFound() {
  return (
    <div className="min-h-screen bg-canvas">
      <div className="flex items-center gap-2 px-6 py-5">
        <span className="grid h-7 w-7 place-items-center rounded-md bg-accent-600 text-xs font-bold text-white" aria-hidden>
          M
        </span>
        <span className="text-sm font-semibold text-fg">MID Console</span>
      </div>
      <main>
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
      </main>
    </div>
  );
}
