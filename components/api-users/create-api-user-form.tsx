"use client";

import { startTransition, useActionState, useRef, useState } from "react";
import type { CreateApiUserState } from "@/lib/api-users/create-state";
import { TextField, FormMessage } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { AccessFields } from "./access-fields";

const IDLE: CreateApiUserState = { status: "idle" };

export function CreateApiUserForm({ action }: { action: (prev: CreateApiUserState, formData: FormData) => Promise<CreateApiUserState> }) {
  const [state, dispatch, pending] = useActionState(action, IDLE);
  const [copied, setCopied] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state.fieldErrors ?? {};
  return (
    <div className="space-y-4">
      {state.credentials && (
        <div className="rounded-md border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-900" data-testid="new-api-credentials">
          <p className="font-medium">Copy these credentials now — the password is shown only once.</p>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 font-mono text-xs">
            <dt>loginId</dt>
            <dd>{state.credentials.loginId}</dd>
            <dt>password</dt>
            <dd className="break-all" data-testid="new-api-password">
              {state.credentials.password}
            </dd>
          </dl>
          <Button
            size="sm"
            variant="secondary"
            className="mt-3"
            onClick={async () => {
              await navigator.clipboard.writeText(`loginId=${state.credentials?.loginId}\npassword=${state.credentials?.password}`);
              setCopied(true);
            }}
          >
            {copied ? "Copied" : "Copy"}
          </Button>
        </div>
      )}
      <form
        method="post"
        ref={formRef}
        onSubmit={(e) => {
          e.preventDefault();
          const formData = new FormData(e.currentTarget);
          setCopied(false);
          startTransition(() => dispatch(formData));
        }}
        noValidate
        aria-label="Add API user"
        className="space-y-4"
      >
        {state.status === "error" && state.message && <FormMessage tone="error">{state.message}</FormMessage>}
        <TextField label="Login ID" name="login_id" error={errors.login_id} autoComplete="off" placeholder="lander-glowskin" />
        <TextField label="Name" name="name" error={errors.name} placeholder="GlowSkin landers" />
        <AccessFields endpoints={["order.import", "upsale.import", "campaign.amazon-mid"]} ips={[]} errors={errors} />
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create API user"}
        </Button>
      </form>
    </div>
  );
}
