"use client";

import { useEffect, useId, useRef } from "react";
import type { FieldErrors } from "@/lib/errors";
import { fieldIdIn, useFieldScope } from "./field-scope";

type SummaryState = { status: string; message?: string; fieldErrors?: FieldErrors };

/**
 * Brings an element to the middle of the window vertically only: scrollIntoView would also scroll
 * sideways whenever a page is wider than the window.
 */
function scrollToMiddle(element: HTMLElement): void {
  const rect = element.getBoundingClientRect();
  window.scrollBy({ top: rect.top - Math.max(16, (window.innerHeight - rect.height) / 2), left: 0 });
}

/**
 * What went wrong with the last submit, at the top of the form: the message and every field
 * error as a link to its field's id (so the link works, and reads, like any in-page link). It must
 * sit inside the FieldScope of its form's fields. Each failed submit moves focus (and the view) here, so
 * an error below the fold is never missed and a screen reader hears it at once.
 */
export function ErrorSummary({ state, labels = {} }: { state: SummaryState; labels?: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  const scope = useFieldScope();
  const titleId = useId();
  // In the order of the form's fields (the order of `labels`), not the order the server checked them in.
  const order = Object.keys(labels);
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const fieldErrors = Object.entries(state.fieldErrors ?? {})
    .filter(([, message]) => Boolean(message))
    .sort(([a], [b]) => rank(a) - rank(b));
  const visible = state.status === "error" && (Boolean(state.message) || fieldErrors.length > 0);
  useEffect(() => {
    if (!visible || !ref.current) return;
    ref.current.focus({ preventScroll: true });
    scrollToMiddle(ref.current);
  }, [state, visible]);
  if (!scope) throw new Error("ErrorSummary must be inside the FieldScope of its form's fields, or its links point nowhere.");
  if (!visible) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      data-error-summary
      className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 outline-none focus-visible:ring-2 focus-visible:ring-red-500"
    >
      <p id={titleId} className="font-medium">
        {state.message ?? "Check the highlighted fields."}
      </p>
      {fieldErrors.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {fieldErrors.map(([name, message]) => (
            <li key={name}>
              <a
                href={`#${fieldIdIn(scope, name)}`}
                className="underline underline-offset-2 hover:text-red-900"
                onClick={(event) => {
                  const field = document.getElementById(fieldIdIn(scope, name));
                  if (!field) return;
                  event.preventDefault();
                  field.focus({ preventScroll: true });
                  scrollToMiddle(field);
                }}
              >
                {labels[name] && !message.startsWith(labels[name]) ? `${labels[name]}: ${message}` : message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
