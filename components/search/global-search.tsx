"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Search } from "lucide-react";
import type { SearchHit, SearchKind, SearchResults } from "@/lib/search/search-everything";

const GROUPS: Array<{ kind: SearchKind; label: string }> = [
  { kind: "order", label: "Orders" },
  { kind: "customer", label: "Customers" },
  { kind: "mid", label: "MIDs" },
  { kind: "transaction", label: "Amazon ids" },
];

const DEBOUNCE_MS = 120;

type State = { status: "idle" } | { status: "loading" } | { status: "done"; results: SearchResults } | { status: "error"; message: string };

async function fetchHits(q: string, signal: AbortSignal): Promise<SearchResults> {
  const response = await fetch(`/search?q=${encodeURIComponent(q)}`, { signal, headers: { accept: "application/json" } });
  const body = (await response.json()) as SearchResults | { error: string };
  if (!response.ok || "error" in body) throw new Error("error" in body ? body.error : `Search failed (HTTP ${response.status}).`);
  return body;
}

/** True when a key press belongs to a field the user is typing in, so "/" must not steal it. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/**
 * The top bar's search: "/" or Ctrl/⌘+K focuses it; results grouped by kind; arrow keys move,
 * Enter opens the highlighted result (the first one when none is), Escape closes.
 */
export function GlobalSearch() {
  const router = useRouter();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const pending = useRef<{ q: string; promise: Promise<SearchResults> } | null>(null);
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<State>({ status: "idle" });
  const [active, setActive] = useState(0);

  const hits = state.status === "done" ? state.results.hits : [];
  const ordered = GROUPS.flatMap((g) => hits.filter((h) => h.kind === g.kind));

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const isShortcut =
        (event.key === "k" && (event.metaKey || event.ctrlKey)) ||
        (event.key === "/" && !event.metaKey && !event.ctrlKey && !event.altKey && !isTyping(event.target));
      if (!isShortcut) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
      setOpen(true);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const inFlight = useRef<{ timer: ReturnType<typeof setTimeout>; controller: AbortController } | null>(null);
  useEffect(
    () => () => {
      if (inFlight.current) clearTimeout(inFlight.current.timer);
      inFlight.current?.controller.abort();
    },
    [],
  );

  /** Asks the server after a short pause in typing; a newer keystroke cancels the older question. */
  const search = (value: string) => {
    if (inFlight.current) {
      clearTimeout(inFlight.current.timer);
      inFlight.current.controller.abort();
      inFlight.current = null;
    }
    const q = value.trim();
    if (q === "") {
      pending.current = null;
      setState({ status: "idle" });
      return;
    }
    const controller = new AbortController();
    setState({ status: "loading" });
    const promise = new Promise<SearchResults>((resolve, reject) => {
      const timer = setTimeout(() => fetchHits(q, controller.signal).then(resolve, reject), DEBOUNCE_MS);
      inFlight.current = { timer, controller };
    });
    const entry = { q, promise };
    pending.current = entry;
    promise.then(
      (results) => {
        if (pending.current !== entry) return;
        setActive(0);
        setState({ status: "done", results });
      },
      (error: unknown) => {
        if (pending.current !== entry || controller.signal.aborted) return;
        setState({ status: "error", message: error instanceof Error ? error.message : "Search failed." });
      },
    );
  };

  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (boxRef.current && !boxRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, []);

  const go = (hit: SearchHit) => {
    setOpen(false);
    inputRef.current?.blur();
    router.push(hit.href);
  };

  const onKeyDown = async (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Escape") {
      setOpen(false);
      inputRef.current?.blur();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      if (ordered.length) setActive((i) => (i + (event.key === "ArrowDown" ? 1 : ordered.length - 1)) % ordered.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (state.status === "done") {
        if (ordered[active]) go(ordered[active]);
        return;
      }
      // Enter pressed before the answer arrived: open the first result once it does.
      const waiting = pending.current;
      if (!waiting) return;
      const results = await waiting.promise.catch(() => null);
      const first = results && GROUPS.flatMap((g) => results.hits.filter((h) => h.kind === g.kind))[0];
      if (first && pending.current === waiting) go(first);
    }
  };

  const showPanel = open && text.trim() !== "";
  const activeId = ordered[active] ? `${listId}-${ordered[active].key}` : undefined;

  return (
    <div ref={boxRef} className="relative w-full max-w-md">
      <label htmlFor={`${listId}-input`} className="sr-only">
        Search orders, customers, MIDs and Amazon ids
      </label>
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted" />
      <input
        ref={inputRef}
        id={`${listId}-input`}
        type="search"
        role="combobox"
        aria-expanded={showPanel}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showPanel ? activeId : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder="Search orders, customers, MIDs, Amazon ids"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          search(event.target.value);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
        className="h-9 w-full rounded-md border-0 bg-zinc-100 pr-12 pl-8 text-sm text-zinc-900 ring-1 ring-zinc-200 ring-inset placeholder:text-zinc-500 focus:bg-surface focus:ring-2 focus:ring-accent-600 focus:outline-none"
        data-testid="global-search"
      />
      {text === "" && (
        <kbd
          aria-hidden
          className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2 rounded border border-zinc-300 bg-surface px-1.5 font-sans text-[11px] text-muted"
        >
          /
        </kbd>
      )}
      {showPanel && (
        <div
          className="absolute top-full right-0 left-0 z-30 mt-1 max-h-[70vh] overflow-y-auto rounded-lg border border-zinc-200 bg-surface py-1 shadow-lg"
          data-testid="global-search-results"
        >
          {state.status === "loading" && <p className="px-3 py-2 text-sm text-muted">Searching…</p>}
          {state.status === "error" && <p className="px-3 py-2 text-sm text-red-700">{state.message}</p>}
          {state.status === "done" && state.results.tooShort && <p className="px-3 py-2 text-sm text-muted">Type at least 3 characters, or an order number.</p>}
          {state.status === "done" && !state.results.tooShort && ordered.length === 0 && (
            <p className="px-3 py-2 text-sm text-muted">Nothing found for “{state.results.text}”.</p>
          )}
          <ul id={listId} role="listbox" aria-label="Search results">
            {GROUPS.map((group) => {
              const groupHits = ordered.filter((h) => h.kind === group.kind);
              if (groupHits.length === 0) return null;
              return (
                <li key={group.kind} role="presentation">
                  <p id={`${listId}-${group.kind}`} className="px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-muted uppercase">
                    {group.label}
                  </p>
                  <ul role="group" aria-labelledby={`${listId}-${group.kind}`}>
                    {groupHits.map((hit) => {
                      const isActive = ordered[active]?.key === hit.key;
                      return (
                        <li
                          key={hit.key}
                          id={`${listId}-${hit.key}`}
                          role="option"
                          aria-selected={isActive}
                          onPointerDown={(event) => event.preventDefault()}
                          onClick={() => go(hit)}
                          onMouseEnter={() => setActive(ordered.indexOf(hit))}
                          className={`cursor-pointer px-3 py-1.5 ${isActive ? "bg-accent-50" : ""}`}
                        >
                          <span className="block truncate text-sm font-medium text-zinc-900">{hit.title}</span>
                          <span className="block truncate text-xs text-muted">{hit.detail}</span>
                        </li>
                      );
                    })}
                  </ul>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
