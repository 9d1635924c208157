"use client";

import { startTransition, useActionState, useEffect, useRef } from "react";
import { IDLE, type FormState } from "@/lib/form-state";

export type FormAction = (prev: FormState, formData: FormData) => Promise<FormState>;

/**
 * Runs a server action from a form's onSubmit rather than its action prop, so a refused submit
 * keeps everything typed (React resets forms only after action-prop submits). Forms using it
 * declare method="post": a submit before hydration then never puts fields (secrets,
 * passwords) into a URL.
 */
export function useFormAction(action: FormAction, options: { resetOnSuccess?: boolean } = {}) {
  const [state, dispatch, pending] = useActionState(action, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  const { resetOnSuccess } = options;
  useEffect(() => {
    if (resetOnSuccess && state.status === "success") formRef.current?.reset();
  }, [state, resetOnSuccess]);
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  }
  return { state, pending, onSubmit, formRef, errors: state.fieldErrors ?? {} };
}
