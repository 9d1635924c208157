/*
 * The PostgreSQL twin of db/schema: the same tables, columns, keys and indexes, with the same
 * export names, so code written against one reads the other. Types differ where the engines do:
 * epoch-ms times, money and counts are `bigint` (int4 ends at 2,147,483,647, and an epoch in ms
 * is ~1.8e12), flags are `boolean`, ids are identity columns (`bigint` for the high-volume
 * transactions, gateway_calls, audit_log and ipn_events), and small bounded numbers (priorities,
 * rates in bps, attempts, days) stay `integer`. db/schema-parity.test.ts keeps the two equal.
 */
export * from "./users";
export * from "./mids";
export * from "./audit";
export * from "./campaigns";
export * from "./api-users";
export * from "./orders";
export * from "./transactions";
export * from "./gateway";
export * from "./transaction-totals";
