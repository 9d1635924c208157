"use client";

import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { FormMessage } from "@/components/ui/field";
import { Button, LinkButton } from "@/components/ui/button";
import { AccessFields } from "./access-fields";

export function EditAccessForm({ action, endpoints, ips }: { action: FormAction; endpoints: string[]; ips: string[] }) {
  const { state, pending, onSubmit, errors } = useFormAction(action);
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label="API access" className="max-w-2xl space-y-4">
      {state.status === "error" && state.message && <FormMessage tone="error">{state.message}</FormMessage>}
      <AccessFields endpoints={endpoints} ips={ips} errors={errors} />
      <div className="flex justify-end gap-3">
        <LinkButton href="/settings/api-users" variant="secondary">
          Cancel
        </LinkButton>
        <Button type="submit" disabled={pending}>
          Save access
        </Button>
      </div>
    </form>
  );
}
