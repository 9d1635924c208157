"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False while the server renders and during hydration, true after. Charts draw only on the
 * client: the Content-Security-Policy forbids the inline `style` attributes a server-rendered
 * chart would carry, while styles React sets from script are allowed.
 */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
