export const BILLING_TYPES = ["one_time", "recurring"] as const;
