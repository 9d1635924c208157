import { invalidField } from "./api-error";

/** Field readers that name the field and its rule when the value is wrong. */
export function requireId(fields: Record<string, string>, name: string): number {
  const raw = (fields[name] ?? "").trim();
  if (!raw) throw invalidField(name, "is required.");
  if (!/^\d{1,15}$/.test(raw) || Number(raw) <= 0) throw invalidField(name, "must be a positive whole number.");
  return Number(raw);
}

export function optionalText(fields: Record<string, string>, name: string, max: number): string | undefined {
  const raw = (fields[name] ?? "").trim();
  if (!raw) return undefined;
  if (raw.length > max) throw invalidField(name, `must be at most ${max} characters.`);
  return raw;
}

export function requireText(fields: Record<string, string>, name: string, max: number): string {
  const value = optionalText(fields, name, max);
  if (value === undefined) throw invalidField(name, "is required.");
  return value;
}
