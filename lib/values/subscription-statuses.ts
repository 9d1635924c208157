export const SUBSCRIPTION_STATUSES = ["active", "paused", "canceled", "failed"] as const;
