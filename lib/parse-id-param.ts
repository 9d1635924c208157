/**
 * A positive integer id from a route segment, a query value or a server action's bound argument
 * (which arrives as whatever the client sent), or null.
 */
export function parseIdParam(value: unknown): number | null {
  if (typeof value === "number") return Number.isSafeInteger(value) && value > 0 ? value : null;
  if (typeof value !== "string" || !/^\d{1,15}$/.test(value)) return null;
  const id = Number(value);
  return id > 0 ? id : null;
}
