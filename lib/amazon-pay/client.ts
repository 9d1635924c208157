import { createBillingAgreementOperations } from "./billing-agreement-operations";
import type { CallMws } from "./call-mws";
import { executeMwsCall, type MwsTransportConfig } from "./mws-transport";
import { createOrderReferenceOperations } from "./order-reference-operations";
import { createPaymentOperations } from "./payment-operations";
import { isRegion, resolveServiceUrl } from "./regions";
import type { GatewayCallRecord, Region } from "./types";

export type AmazonPayClientConfig = {
  /** Seller ID / merchant id (`A2K7NDRCTOTPW9`). */
  sellerId: string;
  /** MWS access key id. */
  accessKey: string;
  /** MWS secret key; used only to sign, never logged or returned. */
  secretKey: string;
  /** Delegated access (solution provider calling on behalf of the merchant). */
  mwsAuthToken?: string;
  region: Region;
  sandbox: boolean;
  /** Base URL replacing Amazon's host, e.g. `http://127.0.0.1:8484` (the emulator). */
  endpointOverride?: string;
  /** Default 10 000 ms. */
  connectTimeoutMs?: number;
  /** From connection to complete response; default 30 000 ms (the Java SDK's read timeout). */
  responseTimeoutMs?: number;
  /** Total HTTP attempts per call, including the first; default 4 (3 retries, like the SDKs). */
  maxAttempts?: number;
  /** First back-off step; steps grow ×4 and are capped at 10 s; default 1000 ms. */
  retryBaseDelayMs?: number;
  /** Called once per HTTP attempt with redacted parameters. */
  onCall?: (record: GatewayCallRecord) => unknown;
  userAgent?: string;
  /** Clock for the Timestamp parameter (tests). */
  now?: () => Date;
};

const DEFAULT_USER_AGENT = `mid-console-amazon-pay/0.1 (Language=TypeScript; Platform=Node/${process.versions.node})`;
const MAX_USER_AGENT_LENGTH = 500;
const RETRY_MAX_DELAY_MS = 10_000;

function requireSetting(value: string | undefined, name: string): string {
  if (!value || value.trim() === "") throw new Error(`Amazon Pay client: ${name} is required`);
  return value.trim();
}

function buildTransportConfig(config: AmazonPayClientConfig): MwsTransportConfig {
  if (!isRegion(config.region)) throw new Error(`Amazon Pay client: unknown region ${String(config.region)}`);
  return {
    sellerId: requireSetting(config.sellerId, "sellerId"),
    accessKey: requireSetting(config.accessKey, "accessKey"),
    secretKey: requireSetting(config.secretKey, "secretKey"),
    mwsAuthToken: config.mwsAuthToken?.trim() || undefined,
    serviceUrl: resolveServiceUrl({ region: config.region, sandbox: config.sandbox, endpointOverride: config.endpointOverride || undefined }),
    connectTimeoutMs: config.connectTimeoutMs ?? 10_000,
    responseTimeoutMs: config.responseTimeoutMs ?? 30_000,
    maxAttempts: config.maxAttempts ?? 4,
    retryBaseDelayMs: config.retryBaseDelayMs ?? 1_000,
    retryMaxDelayMs: RETRY_MAX_DELAY_MS,
    userAgent: (config.userAgent ?? DEFAULT_USER_AGENT).slice(0, MAX_USER_AGENT_LENGTH),
    onCall: config.onCall,
    now: config.now ?? (() => new Date()),
    random: Math.random,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

/**
 * Typed client for the MWS Amazon Pay API (2013-01-01). Every method takes one object,
 * returns a typed result with Amazon's `requestId`, and throws `AmazonPayError` on failure.
 */
export function createAmazonPayClient(config: AmazonPayClientConfig) {
  const transport = buildTransportConfig(config);
  const call: CallMws = (action, params, parse, options) => executeMwsCall(transport, action, params, parse, options);
  return {
    /** Where requests go (for diagnostics; contains no credentials). */
    serviceUrl: transport.serviceUrl.toString(),
    ...createOrderReferenceOperations(call),
    ...createPaymentOperations(call),
    ...createBillingAgreementOperations(call),
  };
}

export type AmazonPayClient = ReturnType<typeof createAmazonPayClient>;
