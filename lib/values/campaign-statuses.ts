export const CAMPAIGN_STATUSES = ["active", "archived"] as const;
