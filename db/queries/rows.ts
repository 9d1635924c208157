/*
 * Row shapes of the tables, for domain code that reads rows through db/queries and must not
 * import the table definitions themselves (lib/ names no table, column or SQL).
 */
import type * as tables from "../schema";

type Row<T extends { $inferSelect: unknown }> = T["$inferSelect"];
type NewRow<T extends { $inferInsert: unknown }> = T["$inferInsert"];

export type UserRow = Row<typeof tables.users>;
export type MidRow = Row<typeof tables.mids>;
export type MidMonthlyUsageRow = Row<typeof tables.midMonthlyUsage>;
export type AuditRow = Row<typeof tables.auditLog>;
export type JobLeaseRow = Row<typeof tables.jobLeases>;
export type CampaignRow = Row<typeof tables.campaigns>;
export type CampaignProductRow = Row<typeof tables.campaignProducts>;
export type CampaignMidRow = Row<typeof tables.campaignMids>;
export type ApiUserRow = Row<typeof tables.apiUsers>;
export type CustomerRow = Row<typeof tables.customers>;
export type OrderRow = Row<typeof tables.orders>;
export type OrderItemRow = Row<typeof tables.orderItems>;
export type TransactionRow = Row<typeof tables.transactions>;
export type GatewayCallRow = Row<typeof tables.gatewayCalls>;
export type SubscriptionRow = Row<typeof tables.subscriptions>;
export type DeclineRuleRow = Row<typeof tables.declineRules>;
export type IpnEventRow = Row<typeof tables.ipnEvents>;

export type NewMidRow = NewRow<typeof tables.mids>;
export type NewCampaignRow = NewRow<typeof tables.campaigns>;
export type NewCampaignProductRow = NewRow<typeof tables.campaignProducts>;
export type NewOrderRow = NewRow<typeof tables.orders>;
export type NewOrderItemRow = NewRow<typeof tables.orderItems>;
export type NewTransactionRow = NewRow<typeof tables.transactions>;
export type NewAuditRow = NewRow<typeof tables.auditLog>;
