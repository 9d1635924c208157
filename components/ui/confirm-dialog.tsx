"use client";

import { createContext, useCallback, useContext, useEffect, useId, useRef, useState } from "react";
import { Button } from "./button";

export type ConfirmOptions = {
  /** The question, saying exactly what changes: "Change Ann's role from Support to Admin?" */
  title: string;
  /** What follows from it: "She will be signed out of every device." */
  description?: string;
  /** The verb on the confirming button: "Change role", "Disable". */
  confirmLabel: string;
  tone?: "danger" | "primary";
};

type Request = ConfirmOptions & { resolve: (confirmed: boolean) => void };

const ConfirmContext = createContext<((options: ConfirmOptions) => Promise<boolean>) | null>(null);

/** Asks before a dangerous action, in the app's own dialog: `if (await confirm({ … })) act()`. */
export function useConfirm(): (options: ConfirmOptions) => Promise<boolean> {
  const confirm = useContext(ConfirmContext);
  if (!confirm) throw new Error("useConfirm outside <ConfirmProvider>");
  return confirm;
}

/**
 * One modal dialog for the whole app, on the native <dialog> element: showModal() makes the
 * rest of the page inert (focus stays inside) and Escape cancels. Focus starts on Cancel, the
 * harmless choice, and goes back to whatever had it before.
 */
export function ConfirmProvider({ children }: { children: React.ReactNode }) {
  const [request, setRequest] = useState<Request | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();

  const confirm = useCallback((options: ConfirmOptions) => {
    returnFocusTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return new Promise<boolean>((resolve) => setRequest({ ...options, resolve }));
  }, []);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!request || !dialog || dialog.open) return;
    dialog.showModal();
    cancelRef.current?.focus();
  }, [request]);

  function answer(confirmed: boolean) {
    if (!request) return;
    request.resolve(confirmed);
    setRequest(null);
    dialogRef.current?.close();
    returnFocusTo.current?.focus();
  }

  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      <dialog
        ref={dialogRef}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={request?.description ? descriptionId : undefined}
        onCancel={(event) => {
          event.preventDefault();
          answer(false);
        }}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl border border-line bg-surface p-0 text-fg shadow-2xl"
      >
        {request && (
          <div className="p-5">
            <h2 id={titleId} className="text-base font-semibold text-fg">
              {request.title}
            </h2>
            {request.description && (
              <p id={descriptionId} className="mt-2 text-sm text-muted">
                {request.description}
              </p>
            )}
            <div className="mt-5 flex flex-wrap justify-end gap-2">
              <Button ref={cancelRef} variant="secondary" onClick={() => answer(false)}>
                Cancel
              </Button>
              <Button variant={request.tone === "primary" ? "primary" : "danger"} onClick={() => answer(true)}>
                {request.confirmLabel}
              </Button>
            </div>
          </div>
        )}
      </dialog>
    </ConfirmContext.Provider>
  );
}
