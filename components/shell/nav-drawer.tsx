"use client";

import { createContext, useContext, useRef, useState } from "react";
import { usePathname } from "next/navigation";
import { Menu, X } from "lucide-react";
import { cn } from "@/components/ui/cn";

type DrawerState = { isOpen: boolean; open: () => void; close: () => void; menuButton: React.RefObject<HTMLButtonElement | null> };

const DrawerContext = createContext<DrawerState | null>(null);

function useDrawer(): DrawerState {
  const state = useContext(DrawerContext);
  if (!state) throw new Error("useDrawer outside <NavDrawerProvider>");
  return state;
}

/** Below the lg breakpoint the sidebar is a drawer that the top bar's menu button opens. */
export function NavDrawerProvider({ children }: { children: React.ReactNode }) {
  const pathname = usePathname();
  // The page the drawer was opened on: it is open only there, so following a link closes it.
  const [openedOn, setOpenedOn] = useState<string | null>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const state: DrawerState = {
    isOpen: openedOn === pathname,
    open: () => setOpenedOn(pathname),
    close: () => {
      setOpenedOn(null);
      menuButton.current?.focus();
    },
    menuButton,
  };
  return <DrawerContext.Provider value={state}>{children}</DrawerContext.Provider>;
}

export function MenuButton() {
  const { isOpen, open, close, menuButton } = useDrawer();
  return (
    <button
      ref={menuButton}
      type="button"
      onClick={isOpen ? close : open}
      aria-expanded={isOpen}
      aria-controls="main-nav"
      className="-ml-1.5 inline-flex h-9 w-9 shrink-0 items-center justify-center rounded-md text-zinc-700 hover:bg-subtle focus-visible:outline-2 focus-visible:outline-accent-600 lg:hidden"
    >
      <Menu className="h-5 w-5" aria-hidden />
      <span className="sr-only">Menu</span>
    </button>
  );
}

const FOCUSABLE = "a[href], button:not([disabled])";

/** The sidebar's frame: fixed column from lg up; below it, a modal drawer while open. */
export function NavPanel({ children }: { children: React.ReactNode }) {
  const { isOpen, close } = useDrawer();

  function onKeyDown(event: React.KeyboardEvent<HTMLDivElement>) {
    if (!isOpen) return;
    if (event.key === "Escape") {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== "Tab") return;
    // Keep Tab inside the open drawer, as in any modal.
    const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  }

  return (
    <>
      {isOpen && <div className="fixed inset-0 z-40 bg-black/50 lg:hidden" aria-hidden onClick={close} />}
      <div
        id="main-nav"
        onKeyDown={onKeyDown}
        ref={(node) => {
          // Opening moves focus into the drawer, to its first link.
          if (node && isOpen && !node.contains(document.activeElement)) node.querySelector<HTMLElement>("nav a[href]")?.focus();
        }}
        role={isOpen ? "dialog" : undefined}
        aria-modal={isOpen ? true : undefined}
        aria-label={isOpen ? "Menu" : undefined}
        className={cn(
          "w-64 shrink-0 bg-nav lg:sticky lg:top-0 lg:block lg:h-screen lg:w-60 lg:overflow-y-auto lg:border-r lg:border-white/10",
          isOpen ? "fixed inset-y-0 left-0 z-50 overflow-y-auto shadow-xl" : "hidden",
        )}
      >
        {isOpen && (
          <button
            type="button"
            onClick={close}
            className="absolute right-3 top-4 inline-flex h-8 w-8 items-center justify-center rounded-md text-nav-fg hover:bg-nav-hover focus-visible:outline-2 focus-visible:outline-accent-500 lg:hidden"
          >
            <X className="h-5 w-5" aria-hidden />
            <span className="sr-only">Close menu</span>
          </button>
        )}
        {children}
      </div>
    </>
  );
}
