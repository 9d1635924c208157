import type { MwsCallOptions } from "./mws-transport";
import type { ParamMap } from "./request-params";

/** What the operation modules need from the client: sign, send, retry, parse. */
export type CallMws = <T>(action: string, params: ParamMap, parse: (xml: string) => T, options: MwsCallOptions) => Promise<T>;
