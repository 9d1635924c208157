export * from "./users";
export * from "./mids";
export * from "./audit";
export * from "./transactions";
export * from "./campaigns";
export * from "./api-users";
