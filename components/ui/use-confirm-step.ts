"use client";

import { useState } from "react";
import type { FieldErrors } from "@/lib/errors";
import type { FormState } from "@/lib/form-state";

/**
 * Two-step submit for actions that move money: the first submit only shows a review built from
 * the form's fields (amount, reason…); the second, from the review's confirm button, sends it.
 * `validate` runs before the review: with field errors there is no review, only the errors
 * (`invalid`, a new object per attempt), so nobody confirms something the server will refuse.
 */
export function useConfirmStep<T>(
  submit: (event: React.FormEvent<HTMLFormElement>) => void,
  readReview: (data: FormData) => T,
  validate?: (data: FormData) => FieldErrors,
) {
  const [review, setReview] = useState<T | null>(null);
  const [invalid, setInvalid] = useState<FormState | null>(null);
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    if (review === null) {
      event.preventDefault();
      const data = new FormData(event.currentTarget);
      const fieldErrors = validate?.(data) ?? {};
      if (Object.keys(fieldErrors).length > 0) {
        setInvalid({ status: "error", message: "Check the highlighted fields.", fieldErrors });
        return;
      }
      setInvalid(null);
      setReview(readReview(data));
      return;
    }
    setReview(null);
    submit(event);
  }
  return { review, invalid, onSubmit, back: () => setReview(null) };
}
