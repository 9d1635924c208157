export const CURRENCIES = ["USD", "EUR", "GBP", "CAD", "JPY"] as const;
export type Currency = (typeof CURRENCIES)[number];
