/** Money is an integer in minor units with its currency; these are the only conversions. */

/** Currencies without minor units (amounts are whole yen). */
export const ZERO_DECIMAL_CURRENCIES = ["JPY"] as const;
const ZERO_DECIMAL = new Set<string>(ZERO_DECIMAL_CURRENCIES);

export function currencyDecimals(currency: string): number {
  return ZERO_DECIMAL.has(currency) ? 0 : 2;
}

/** Parses "1,234.56" style user input in major units. Returns null when it is not a valid amount. */
export function parseMajorToMinor(input: string, currency: string): number | null {
  const cleaned = input.trim().replace(/,/g, "");
  const decimals = currencyDecimals(currency);
  const pattern = decimals === 0 ? /^\d+$/ : new RegExp(`^\\d+(\\.\\d{1,${decimals}})?$`);
  if (!pattern.test(cleaned)) return null;
  const [whole, fraction = ""] = cleaned.split(".");
  const minor = Number(whole) * 10 ** decimals + Number(fraction.padEnd(decimals, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Plain decimal string for form fields ("1234.50"); no grouping, no symbol. */
export function formatMinorPlain(minor: number, currency: string): string {
  const decimals = currencyDecimals(currency);
  if (decimals === 0) return String(minor);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

export function formatMoney(minor: number, currency: string, locale = "en-US"): string {
  const decimals = currencyDecimals(currency);
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(minor / 10 ** decimals);
}

/** Percent text ("2.95") ↔ basis points (295). */
export function parsePercentToBps(input: string): number | null {
  const cleaned = input.trim().replace(/%$/, "");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ""] = cleaned.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

export function formatBpsAsPercent(bps: number): string {
  return (bps / 100).toFixed(2).replace(/\.?0+$/, "") || "0";
}
