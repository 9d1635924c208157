"use client";

import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/form-state";
import { Button } from "@/components/ui/button";

export function MidEnableToggle({ enabled, action }: { enabled: boolean; action: (prev: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (enabled && !confirm("Disable this MID? It will take no new orders until enabled again.")) e.preventDefault();
      }}
      className="flex items-center gap-2"
    >
      {state.status === "error" && <span className="text-xs text-red-600">{state.message}</span>}
      <Button type="submit" variant={enabled ? "secondary" : "primary"} disabled={pending}>
        {enabled ? "Disable" : "Enable"}
      </Button>
    </form>
  );
}
