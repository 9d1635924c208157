"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** A date in the viewer's locale with the UTC time on hover; UTC on the server render. */
export function LocalTime({ ms }: { ms: number }) {
  const iso = new Date(ms).toISOString();
  const text = useSyncExternalStore(
    subscribe,
    () => new Date(ms).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }),
    () => iso.replace("T", " ").slice(0, 16) + " UTC",
  );
  return (
    <time dateTime={iso} title={iso.replace("T", " ").replace(/\.\d+Z$/, " UTC")} className="whitespace-nowrap">
      {text}
    </time>
  );
}
