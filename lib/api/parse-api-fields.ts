import { parseIdParam } from "@/lib/parse-id-param";
import { invalidField } from "./api-error";

/** Field readers that name the field and its rule when the value is wrong. */
export function requireId(fields: Record<string, string>, name: string): number {
  const id = optionalId(fields, name);
  if (id === undefined) throw invalidField(name, "is required.");
  return id;
}

export function optionalId(fields: Record<string, string>, name: string): number | undefined {
  const raw = (fields[name] ?? "").trim();
  if (!raw) return undefined;
  const id = parseIdParam(raw);
  if (id === null) throw invalidField(name, "must be a positive whole number.");
  return id;
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

/** Konnektive's flags: 1/true/yes or 0/false/no (any case); empty is `false`. */
export function optionalFlag(fields: Record<string, string>, name: string): boolean {
  const raw = (fields[name] ?? "").trim().toLowerCase();
  if (["1", "true", "yes"].includes(raw)) return true;
  if (["", "0", "false", "no"].includes(raw)) return false;
  throw invalidField(name, "must be 1 or 0.");
}
