"use client";

import { startTransition, useActionState } from "react";
import { IDLE } from "@/lib/form-state";
import type { FormAction } from "./use-form-action";
import { Button } from "./button";
import { useConfirm } from "./confirm-dialog";
import { useToast, type ToastInput } from "./toast";

type Undo = { action: FormAction; done: string };

function runUndo({ action: reverse, done }: Undo, toast: (toast: ToastInput) => void) {
  startTransition(async () => {
    const result = await reverse(IDLE, new FormData());
    toast(result.status === "success" ? { message: done } : { message: result.message ?? "Undo failed.", tone: "error" });
  });
}

/**
 * One button that runs one server action and shows its answer. With confirmMessage it asks
 * first, in the app's dialog; with successToast the answer is a toast, with an Undo button
 * when the page passes the action that reverses it (an authorized action like any other).
 */
export function ActionButton({
  label,
  action,
  confirmMessage,
  confirmDetail,
  variant = "secondary",
  size = "md",
  showSuccess = false,
  successToast,
  undo,
}: {
  label: string;
  action: FormAction;
  confirmMessage?: string;
  confirmDetail?: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  size?: "sm" | "md";
  showSuccess?: boolean;
  successToast?: string;
  undo?: Undo;
}) {
  const confirm = useConfirm();
  const toast = useToast();
  const [state, dispatch, pending] = useActionState<Awaited<ReturnType<FormAction>>, FormData>(async (prev, formData) => {
    const result = await action(prev, formData);
    if (result.status === "success" && successToast) {
      toast({ message: successToast, action: undo && { label: "Undo", onAction: () => runUndo(undo, toast) } });
    }
    return result;
  }, IDLE);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    if (confirmMessage && !(await confirm({ title: confirmMessage, description: confirmDetail, confirmLabel: label }))) return;
    startTransition(() => dispatch(formData));
  }

  return (
    <form method="post" onSubmit={onSubmit} className="inline-flex items-center gap-2">
      {state.status === "error" && <span className="text-xs text-red-700">{state.message}</span>}
      {showSuccess && state.status === "success" && <span className="text-xs text-emerald-700">{state.message}</span>}
      <Button type="submit" variant={variant} size={size} disabled={pending}>
        {label}
      </Button>
    </form>
  );
}
