import { DomainError } from "@/lib/errors";
import { parseIdParam } from "@/lib/parse-id-param";

// A server action's bound arguments are sent back by the browser with every call, so they
// arrive as whatever the client chose to send: each one is read like any other input.

const RELOAD = "reload the page and try again";

export function readBoundId(value: unknown, name: string): number {
  const id = parseIdParam(value);
  if (id === null) throw new DomainError(`${name} must be a positive whole number; ${RELOAD}.`);
  return id;
}

/** An id, or null where the form has none (e.g. the global scope, a new product). */
export function readBoundOptionalId(value: unknown, name: string): number | null {
  return value === null ? null : readBoundId(value, name);
}

export function readBoundBoolean(value: unknown, name: string): boolean {
  if (typeof value !== "boolean") throw new DomainError(`${name} must be true or false; ${RELOAD}.`);
  return value;
}

export function readBoundChoice<T extends string>(value: unknown, name: string, allowed: readonly T[]): T {
  if (typeof value !== "string" || !allowed.includes(value as T)) throw new DomainError(`${name} must be one of the listed values; ${RELOAD}.`);
  return value as T;
}
