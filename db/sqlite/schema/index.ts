// db/pg/schema is this schema's PostgreSQL twin: a change here is made there too (docs/ARCHITECTURE.md, "Two schemas, one truth").
export * from "./users";
export * from "./mids";
export * from "./audit";
export * from "./campaigns";
export * from "./api-users";
export * from "./orders";
export * from "./transactions";
export * from "./gateway";
export * from "./transaction-totals";
