export const REGIONS = ["US", "UK", "DE", "JP"] as const;
export type Region = (typeof REGIONS)[number];
