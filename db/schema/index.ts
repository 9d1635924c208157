export * from "./users";
export * from "./mids";
export * from "./audit";
export * from "./transactions";
