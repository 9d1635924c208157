/** A positive integer id from a route segment or query value, or null. */
export function parseIdParam(value: string | undefined | null): number | null {
  if (!value || !/^\d{1,15}$/.test(value)) return null;
  const id = Number(value);
  return id > 0 ? id : null;
}
