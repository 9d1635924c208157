import type { Money } from "./types";

/** Currencies Amazon Pay takes without fraction digits ([U] JPY only; reference §2.5/§11). */
const ZERO_DECIMAL_CURRENCIES = new Set(["JPY"]);

export function getCurrencyDecimals(currency: string): number {
  return ZERO_DECIMAL_CURRENCIES.has(currency.toUpperCase()) ? 0 : 2;
}

/** Integer minor units → the decimal string Amazon expects ("12.34", "0.05", "1000" for JPY). */
export function formatAmount(money: Money): string {
  const { amountMinor, currency } = money;
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`amountMinor must be a safe integer, got ${String(amountMinor)}`);
  }
  const decimals = getCurrencyDecimals(currency);
  const sign = amountMinor < 0 ? "-" : "";
  const digits = String(Math.abs(amountMinor));
  if (decimals === 0) return sign + digits;
  const padded = digits.padStart(decimals + 1, "0");
  return `${sign}${padded.slice(0, -decimals)}.${padded.slice(-decimals)}`;
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d*))?$/;

/**
 * Exact decimal string → minor units, without float arithmetic. Amazon echoes amounts as
 * "1.00", "0", "500", "5.0"; extra fraction digits are accepted only when they are zeros.
 * Returns null for anything else.
 */
export function parseAmountToMinor(amount: string, currency: string): number | null {
  const match = DECIMAL.exec(amount.trim());
  if (!match) return null;
  const [, minus, whole, fraction = ""] = match;
  const decimals = getCurrencyDecimals(currency);
  const kept = fraction.slice(0, decimals).padEnd(decimals, "0");
  if (/[^0]/.test(fraction.slice(decimals))) return null;
  const minor = BigInt(whole + kept);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const value = Number(minor);
  return minus && value !== 0 ? -value : value;
}

export function parseMoney(amount: string, currency: string): Money | null {
  const code = currency.trim().toUpperCase();
  const amountMinor = parseAmountToMinor(amount, code);
  return amountMinor === null ? null : { amountMinor, currency: code };
}
