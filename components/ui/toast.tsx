"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { CircleAlert, CircleCheck, Info, X } from "lucide-react";
import { cn } from "./cn";

export type ToastTone = "success" | "error" | "info";
export type ToastInput = { message: string; tone?: ToastTone; action?: { label: string; onAction: () => void } };
type Toast = ToastInput & { id: number };

const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);

/** Shows a short-lived message in the corner: `const toast = useToast(); toast({ message })`. */
export function useToast(): (toast: ToastInput) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error("useToast outside <ToastProvider>");
  return show;
}

export function ToastProvider({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const show = useCallback((toast: ToastInput) => {
    const id = nextId.current++;
    // At most three at once: an older message is out of date by the fourth.
    setToasts((list) => [...list.slice(-2), { ...toast, id }]);
  }, []);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <section
        aria-label="Notifications"
        className="pointer-events-none fixed inset-x-0 bottom-0 z-[80] flex flex-col items-center gap-2 p-4 sm:items-end sm:p-6"
      >
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
        ))}
      </section>
    </ToastContext.Provider>
  );
}

const ICONS = { success: CircleCheck, error: CircleAlert, info: Info };
const ICON_TONES = { success: "text-emerald-600", error: "text-red-600", info: "text-sky-600" };

// Long enough to read and reach Undo; the timer stops while the pointer or focus is on the toast.
function lifetimeMs(toast: Toast): number {
  return toast.action ? 10_000 : toast.tone === "error" ? 8_000 : 5_000;
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const [paused, setPaused] = useState(false);
  const tone = toast.tone ?? "success";
  const Icon = ICONS[tone];
  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(() => onDismiss(toast.id), lifetimeMs(toast));
    return () => clearTimeout(timer);
  }, [paused, toast, onDismiss]);
  return (
    <div
      role="status"
      aria-live="polite"
      data-toast={tone}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
      className="toast-in pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg border border-line bg-surface px-4 py-3 text-sm text-fg shadow-lg"
    >
      <Icon className={cn("mt-0.5 h-4 w-4 shrink-0", ICON_TONES[tone])} aria-hidden />
      <p className="min-w-0 flex-1">{toast.message}</p>
      {toast.action && (
        <button
          type="button"
          onClick={() => {
            toast.action?.onAction();
            onDismiss(toast.id);
          }}
          className="shrink-0 rounded px-1.5 font-semibold text-accent-700 hover:underline focus-visible:outline-2 focus-visible:outline-accent-600"
        >
          {toast.action.label}
        </button>
      )}
      <button
        type="button"
        onClick={() => onDismiss(toast.id)}
        className="-mr-1 shrink-0 rounded p-0.5 text-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-accent-600"
      >
        <X className="h-4 w-4" aria-hidden />
        <span className="sr-only">Dismiss</span>
      </button>
    </div>
  );
}

/**
 * For results that arrive through a redirect (`?saved=…`): shows the message once as a toast
 * and takes the flag out of the address, so a reload or a shared link does not repeat it.
 */
export function FlashToast({ message, param = "saved" }: { message: string; param?: string }) {
  const toast = useToast();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const rest = useMemo(() => {
    const copy = new URLSearchParams(searchParams.toString());
    copy.delete(param);
    return copy.toString();
  }, [searchParams, param]);
  const shown = useRef(false);
  useEffect(() => {
    if (shown.current) return;
    shown.current = true;
    toast({ message });
    router.replace(rest ? `${pathname}?${rest}` : pathname, { scroll: false });
  }, [toast, message, router, pathname, rest]);
  return null;
}
