"use client";

import { useState } from "react";

/**
 * Two-step submit for actions that move money: the first submit only shows a review built from
 * the form's fields (amount, reason…); the second, from the review's confirm button, sends it.
 */
export function useConfirmStep<T>(submit: (event: React.FormEvent<HTMLFormElement>) => void, readReview: (data: FormData) => T) {
  const [review, setReview] = useState<T | null>(null);
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    if (review === null) {
      event.preventDefault();
      setReview(readReview(new FormData(event.currentTarget)));
      return;
    }
    setReview(null);
    submit(event);
  }
  return { review, onSubmit, back: () => setReview(null) };
}
