"use client";

import { useActionState, useState, startTransition } from "react";
import { IDLE, type FormState } from "@/lib/form-state";
import type { Role } from "@/db/schema/users";
import { ROLE_OPTIONS } from "./role-options";
import { Button } from "@/components/ui/button";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;
type RowState = FormState & { seq: number };
type Intent = "role" | "disable" | "reset" | "revoke" | "unlock";

export function UserRowActions({ email, role, disabled, hasFailedSignIns, changeRole, setDisabled, resetPassword, revokeSessions, unlock }: {
  email: string;
  role: Role;
  disabled: boolean;
  hasFailedSignIns: boolean;
  changeRole: Action;
  setDisabled: Action;
  resetPassword: Action;
  revokeSessions: Action;
  unlock: Action;
}) {
  // One state for the row, so the message shown is always the answer to the latest action.
  const [state, dispatch, pending] = useActionState<RowState, FormData>(async (prev, formData) => {
    const actions: Record<Intent, Action> = { role: changeRole, disable: setDisabled, reset: resetPassword, revoke: revokeSessions, unlock };
    const action = actions[formData.get("intent") as Intent];
    return { ...(await action(prev, formData)), seq: prev.seq + 1 };
  }, { ...IDLE, seq: 0 });
  const [showReset, setShowReset] = useState(false);

  function submit(intent: Intent, fields: Record<string, string> = {}) {
    const formData = new FormData();
    formData.set("intent", intent);
    for (const [k, v] of Object.entries(fields)) formData.set(k, v);
    startTransition(() => dispatch(formData));
  }

  return (
    <div className="flex flex-col items-start gap-1.5">
      <div className="flex flex-wrap items-center gap-2 whitespace-nowrap">
        <label className="sr-only" htmlFor={`role-${email}`}>Role of {email}</label>
        <select
          id={`role-${email}`}
          // Re-mounted after every answer so a refused change shows the stored role again.
          key={`${role}-${state.seq}`}
          defaultValue={role}
          disabled={pending}
          onChange={(e) => submit("role", { role: e.target.value })}
          className="w-44 rounded-md border-0 py-1 pl-2 pr-7 text-xs ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-accent-600"
        >
          {ROLE_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
        <Button size="sm" variant="secondary" onClick={() => setShowReset((v) => !v)} aria-expanded={showReset}>
          Reset password
        </Button>
        <Button size="sm" variant={disabled ? "secondary" : "ghost"} disabled={pending} onClick={() => submit("disable")} aria-label={`${disabled ? "Enable" : "Disable"} ${email}`}>
          {disabled ? "Enable" : "Disable"}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          disabled={pending}
          onClick={() => window.confirm(`End every session of ${email} on every device?`) && submit("revoke")}
          aria-label={`Sign out ${email} everywhere`}
        >
          Sign out everywhere
        </Button>
        {hasFailedSignIns && (
          <Button size="sm" variant="secondary" disabled={pending} onClick={() => submit("unlock")} aria-label={`Unlock ${email}`}>
            Unlock
          </Button>
        )}
      </div>
      {showReset && (
        <form method="post"
          onSubmit={(e) => { e.preventDefault(); submit("reset", { password: String(new FormData(e.currentTarget).get("password") ?? "") }); }}
          className="flex items-center gap-2"
          aria-label={`Reset password of ${email}`}
        >
          <label className="sr-only" htmlFor={`reset-${email}`}>New password for {email}</label>
          <input id={`reset-${email}`} name="password" type="password" autoComplete="new-password" placeholder="New password (10+ characters)" className="w-56 rounded-md border-0 px-2 py-1 text-xs ring-1 ring-inset ring-zinc-300" />
          <Button size="sm" type="submit" disabled={pending}>Set</Button>
        </form>
      )}
      {state.message && <p className={state.status === "error" ? "text-xs text-red-600" : "text-xs text-emerald-700"}>{state.message}</p>}
    </div>
  );
}
