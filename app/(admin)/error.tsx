"use client";

import { TriangleAlert } from "lucide-react";
import { Button, LinkButton } from "@/components/ui/button";
import { StatusPage } from "@/components/ui/status-page";

/** A page that failed to render, inside the shell; the server logged the error under this digest. */
export default function AdminError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StatusPage
      code="Error"
      icon={TriangleAlert}
      title="This page could not be shown"
      description={
        <>
          Something went wrong on our side; nothing you did was lost. Try again, or go back to the overview.
          {error.digest && <span className="mt-2 block font-mono text-xs">Reference: {error.digest}</span>}
        </>
      }
    >
      <Button onClick={reset}>Try again</Button>
      <LinkButton href="/" variant="secondary">
        Back to overview
      </LinkButton>
    </StatusPage>
  );
}
