"use client";

import { useActionState, useState, startTransition } from "react";
import { IDLE, type FormState } from "@/lib/form-state";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { Role } from "@/lib/values/roles";
import { ROLE_OPTIONS } from "./role-options";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;
type RowState = FormState & { seq: number };
type Intent = "role" | "disable" | "enable" | "reset" | "revoke" | "unlock";
/** One request of the row: which action, its fields, and what to say when it succeeds. */
type Request = { intent: Intent; fields?: Record<string, string>; onSuccess?: (message: string) => void };

export function UserRowActions({
  name,
  email,
  role,
  disabled,
  hasFailedSignIns,
  changeRole,
  disable,
  enable,
  resetPassword,
  revokeSessions,
  unlock,
}: {
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
  hasFailedSignIns: boolean;
  changeRole: Action;
  disable: Action;
  enable: Action;
  resetPassword: Action;
  revokeSessions: Action;
  unlock: Action;
}) {
  const confirm = useConfirm();
  const toast = useToast();
  // One state for the row, so an error shown is always the answer to the latest action.
  const [state, dispatch, pending] = useActionState<RowState, Request>(
    async (prev, request) => {
      const actions: Record<Intent, Action> = { role: changeRole, disable, enable, reset: resetPassword, revoke: revokeSessions, unlock };
      const formData = new FormData();
      for (const [k, v] of Object.entries(request.fields ?? {})) formData.set(k, v);
      const result = await actions[request.intent](prev, formData);
      if (result.status === "success") (request.onSuccess ?? ((message: string) => toast({ message })))(result.message ?? "Done.");
      return { ...result, seq: prev.seq + 1 };
    },
    { ...IDLE, seq: 0 },
  );
  const [showReset, setShowReset] = useState(false);

  function send(request: Request) {
    startTransition(() => dispatch(request));
  }

  async function askRoleChange(select: HTMLSelectElement) {
    const next = select.value as Role;
    const ok = await confirm({
      title: `Change ${name}'s role from ${ROLE_LABELS[role]} to ${ROLE_LABELS[next]}?`,
      description: `${name} will be signed out of every device and signs in again with the access of ${ROLE_LABELS[next]}.`,
      confirmLabel: "Change role",
      tone: "primary",
    });
    if (!ok) {
      // Not re-mounted: focus comes back to this very select.
      select.value = role;
      return;
    }
    const previous = role;
    send({
      intent: "role",
      fields: { role: next },
      onSuccess: () =>
        toast({
          message: `${name} is now ${ROLE_LABELS[next]}.`,
          action: {
            label: "Undo",
            onAction: () =>
              send({ intent: "role", fields: { role: previous }, onSuccess: () => toast({ message: `${name} is ${ROLE_LABELS[previous]} again.` }) }),
          },
        }),
    });
  }

  async function askDisable() {
    const ok = await confirm({
      title: `Disable ${name}?`,
      description: `${email} is signed out of every device at once and cannot sign in until enabled again.`,
      confirmLabel: "Disable",
    });
    if (!ok) return;
    send({
      intent: "disable",
      onSuccess: () =>
        toast({
          message: `${name} is disabled.`,
          action: { label: "Undo", onAction: () => send({ intent: "enable", onSuccess: () => toast({ message: `${name} is enabled again.` }) }) },
        }),
    });
  }

  async function askRevoke() {
    const ok = await confirm({
      title: `Sign ${name} out everywhere?`,
      description: `Every session of ${email} ends, on every device. They can sign in again.`,
      confirmLabel: "Sign out everywhere",
    });
    if (ok) send({ intent: "revoke" });
  }

  return (
    <div className="flex flex-col items-start gap-1.5">
      <div className="flex flex-wrap items-center gap-2 whitespace-nowrap">
        <label className="sr-only" htmlFor={`role-${email}`}>
          Role of {email}
        </label>
        <select
          id={`role-${email}`}
          // Re-mounted after every answer, so a refused change shows the stored role again.
          key={`${role}-${state.seq}`}
          defaultValue={role}
          disabled={pending}
          onChange={(e) => askRoleChange(e.currentTarget)}
          className="h-8 w-44 rounded-md border-0 bg-surface pl-2.5 text-xs text-fg shadow-sm ring-1 ring-inset ring-line-strong focus:ring-2 focus:ring-accent-600"
        >
          {ROLE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <Button size="sm" variant="secondary" onClick={() => setShowReset((v) => !v)} aria-expanded={showReset}>
          Reset password
        </Button>
        {disabled ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={() => send({ intent: "enable", onSuccess: () => toast({ message: `${name} is enabled.` }) })}
            aria-label={`Enable ${email}`}
          >
            Enable
          </Button>
        ) : (
          <Button size="sm" variant="ghost" disabled={pending} onClick={askDisable} aria-label={`Disable ${email}`}>
            Disable
          </Button>
        )}
        <Button size="sm" variant="ghost" disabled={pending} onClick={askRevoke} aria-label={`Sign out ${email} everywhere`}>
          Sign out everywhere
        </Button>
        {hasFailedSignIns && (
          <Button size="sm" variant="secondary" disabled={pending} onClick={() => send({ intent: "unlock" })} aria-label={`Unlock ${email}`}>
            Unlock
          </Button>
        )}
      </div>
      {showReset && (
        <form
          method="post"
          onSubmit={(e) => {
            e.preventDefault();
            send({ intent: "reset", fields: { password: String(new FormData(e.currentTarget).get("password") ?? "") } });
          }}
          className="flex items-center gap-2"
          aria-label={`Reset password of ${email}`}
        >
          <label className="sr-only" htmlFor={`reset-${email}`}>
            New password for {email}
          </label>
          <input
            id={`reset-${email}`}
            name="password"
            type="password"
            autoComplete="new-password"
            placeholder="New password (10+ characters)"
            className="h-8 w-56 rounded-md border-0 bg-surface px-2.5 text-xs text-fg ring-1 ring-inset ring-line-strong"
          />
          <Button size="sm" type="submit" disabled={pending}>
            Set
          </Button>
        </form>
      )}
      {state.status === "error" && (
        <p className="text-xs text-red-700" role="status">
          {state.message}
        </p>
      )}
    </div>
  );
}
