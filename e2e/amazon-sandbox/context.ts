import type { Params, Seller } from "./types";
import type { Store } from "./store";
import { SandboxError } from "./errors";

/** Everything an operation needs about one verified request. */
export type OperationContext = {
  store: Store;
  seller: Seller;
  params: Params;
  /** True on /OffAmazonPayments (production path): ReleaseEnvironment Live, no simulations. */
  live: boolean;
};

/** What an operation returns: the inner XML of `<{Action}Result>`; `undefined` = no Result element at all. */
export type OperationResult = { result: string | undefined };

export type Operation = (ctx: OperationContext) => OperationResult;

export function requireParam(ctx: OperationContext, name: string): string {
  const value = ctx.params[name];
  if (value === undefined || value === "") throw SandboxError.missing(name);
  return value;
}

export function readParam(ctx: OperationContext, name: string, maxLength?: number): string | undefined {
  const value = ctx.params[name];
  if (value === undefined || value === "") return undefined;
  if (maxLength !== undefined && [...value].length > maxLength) throw SandboxError.invalidValue(value, name);
  return value;
}

/** Booleans must be the literal strings true/false (§2.5). */
export function readBoolean(ctx: OperationContext, name: string, fallback: boolean): boolean {
  const value = ctx.params[name];
  if (value === undefined || value === "") return fallback;
  if (value !== "true" && value !== "false") throw SandboxError.invalidValue(value, name);
  return value === "true";
}

/** Reference ids: ≤32 chars of a-z A-Z 0-9 - _ (§5.4). */
export function requireReferenceId(ctx: OperationContext, name: string): string {
  const value = requireParam(ctx, name);
  if (value.length > 32 || !/^[A-Za-z0-9_-]+$/.test(value)) throw SandboxError.invalidValue(value, name);
  return value;
}

/** Stable text of the request's operation parameters, to tell an idempotent repeat from a reuse. */
export function fingerprintParams(params: Params): string {
  const ignored = new Set(["AWSAccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "Timestamp", "Version", "MWSAuthToken"]);
  return Object.keys(params)
    .filter((name) => !ignored.has(name))
    .sort()
    .map((name) => `${name}=${params[name]}`)
    .join("&");
}
