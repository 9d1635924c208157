export * from "./users";
export * from "./mids";
export * from "./audit";
export * from "./campaigns";
export * from "./api-users";
export * from "./orders";
export * from "./transactions";
export * from "./gateway";
