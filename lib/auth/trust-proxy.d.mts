import type { BlockList } from "node:net";
import type { IncomingMessage } from "node:http";

export type TrustProxy = { mode: "none" } | { mode: "hops"; hops: number } | { mode: "list"; list: BlockList; entries: string[] };

export const CLIENT_ADDRESS_HEADER: "x-mid-console-client-address";
export const CLIENT_ADDRESS_TOKEN_ENV: "MID_CONSOLE_CLIENT_ADDRESS_TOKEN";
export function normalizeAddress(text: string | undefined | null): string | null;
export function parseTrustProxy(value: string | undefined): TrustProxy;
export function describeTrustProxy(trust: TrustProxy): string;
export function chooseClientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trust: TrustProxy): string;
export function createClientAddressStamp(options: {
  trust: TrustProxy;
  token: string;
  warn?: (message: string) => void;
}): (req: Pick<IncomingMessage, "headers" | "socket">) => void;
