import type { Money } from "./types";
import { SandboxError } from "./errors";

/** Region currency rules (reference §2.5): one presentment currency per region. */
export const REGION_CURRENCY: Record<string, string> = { us: "USD", uk: "GBP", de: "EUR", jp: "JPY" };

export function currencyDecimals(currency: string): number {
  return currency === "JPY" ? 0 : 2;
}

/** Parses a request amount; float artefacts and too many decimals are InvalidParameterValue (§2.5). */
export function parseMoney(amount: string, currency: string, amountName: string, currencyName: string, region: string): Money {
  const decimals = currencyDecimals(currency);
  const pattern = decimals === 0 ? /^\d+$/ : /^\d+(\.\d{1,2})?$/;
  if (!pattern.test(amount)) throw SandboxError.invalidValue(amount, amountName);
  if (!/^[A-Z]{3}$/.test(currency)) throw SandboxError.invalidValue(currency, currencyName);
  if (currency !== REGION_CURRENCY[region]) {
    throw new SandboxError(400, "CurrencyUnsupported", `The currency ${currency} is not supported for this seller.`);
  }
  const [whole, fraction = ""] = amount.split(".");
  const minor = Number(whole) * 10 ** decimals + Number(fraction.padEnd(decimals, "0") || "0");
  return { minor, currency };
}

export function formatMinor(minor: number, currency: string): string {
  const decimals = currencyDecimals(currency);
  return decimals === 0 ? String(minor) : (minor / 100).toFixed(2);
}

/** The 15 % / 75-unit over-charge allowance used by captures and refunds (§6.6). */
export function overchargeAllowance(baseMinor: number, currency: string): number {
  const cap = currency === "JPY" ? 8400 : 7500;
  return Math.min(Math.floor(baseMinor * 0.15), cap);
}

export const MAX_TRANSACTION_MINOR: Record<string, number> = { USD: 15_000_000, GBP: 15_000_000, EUR: 15_000_000, JPY: 15_000_000 };
