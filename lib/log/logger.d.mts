import type { DestinationStream, Level, Logger } from "pino";

export const REQUEST_CONTEXT_KEY: unique symbol;
export function readLogLevel(value?: string): Level | "silent";
export function createLogger(options?: { level?: Level | "silent"; destination?: DestinationStream }): Logger;
export const log: Logger;
