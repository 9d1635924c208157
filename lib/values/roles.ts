export const ROLES = ["admin", "operator", "campaign_manager", "support"] as const;
export type Role = (typeof ROLES)[number];
