import { randomInt } from "node:crypto";

/** Id formats of reference §3.4: S/C prefix in the sandbox, region digits, 7-7 digit groups. */
const REGION_DIGITS: Record<string, string> = { us: "01", uk: "02", de: "02", jp: "03" };

function digits(count: number): string {
  let out = "";
  for (let i = 0; i < count; i++) out += String(randomInt(10));
  return out;
}

export function generateOrderReferenceId(region: string, live: boolean): string {
  return `${live ? "P" : "S"}${REGION_DIGITS[region] ?? "01"}-${digits(7)}-${digits(7)}`;
}

export function generateBillingAgreementId(region: string, live: boolean): string {
  return `${live ? "B" : "C"}${REGION_DIGITS[region] ?? "01"}-${digits(7)}-${digits(7)}`;
}

export function generateChildId(parentId: string, letter: "A" | "C" | "R", suffix?: string): string {
  return `${parentId}-${letter}${suffix ?? digits(6)}`;
}
