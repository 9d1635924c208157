"use client";

import { useEffect, useRef, useState } from "react";

/** Where the scroll box stands: not measured yet, wide enough, or scrolled to the start, middle or end. */
type ScrollState = "pending" | "fits" | "start" | "middle" | "end";

/**
 * The sideways scroll box of a table. When the table is wider than the box it becomes a focusable,
 * labelled region (so keyboard users can scroll it), shades the edge that hides columns and says so.
 */
export function TableScroll({ label, children }: { label: string; children: React.ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<ScrollState>("pending");

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => {
      const hidden = element.scrollWidth - element.clientWidth;
      if (hidden <= 1) setState("fits");
      else if (element.scrollLeft <= 1) setState("start");
      else if (element.scrollLeft >= hidden - 1) setState("end");
      else setState("middle");
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    element.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener("scroll", measure);
    };
  }, []);

  const scrolls = state === "start" || state === "middle" || state === "end";
  return (
    <div className="relative" data-scroll-cue={state}>
      <div
        ref={box}
        className="overflow-x-auto"
        tabIndex={scrolls ? 0 : undefined}
        role={scrolls ? "region" : undefined}
        aria-label={scrolls ? `${label} (scrolls sideways)` : undefined}
      >
        {children}
      </div>
      {(state === "middle" || state === "end") && (
        <span aria-hidden className="pointer-events-none absolute inset-y-0 left-0 z-20 w-6 bg-gradient-to-r from-zinc-900/15 to-transparent" />
      )}
      {(state === "start" || state === "middle") && (
        <span aria-hidden className="pointer-events-none absolute inset-y-0 right-0 z-20 w-6 bg-gradient-to-l from-zinc-900/15 to-transparent" />
      )}
      {scrolls && (
        <p aria-hidden className="border-t border-zinc-100 px-3 py-1.5 text-right text-xs text-muted">
          Scroll sideways for more columns →
        </p>
      )}
    </div>
  );
}
