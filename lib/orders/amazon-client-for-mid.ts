import type { Db } from "@/db/client";
import { gatewayCalls, type mids } from "@/db/schema";
import { createAmazonPayClient, createLoginWithAmazonClient, type AmazonPayClient, type LoginWithAmazonClient } from "@/lib/amazon-pay";
import { decryptSecret } from "@/lib/crypto/secret-box";

type MidRow = typeof mids.$inferSelect;

export type CallContext = { orderId?: number | null; transactionId?: number | null };

/**
 * The MWS client for a MID: secrets decrypted only here, every HTTP attempt stored in
 * gateway_calls (already redacted by the client) against the order it served.
 */
export function amazonClientForMid(db: Db, mid: MidRow, context: CallContext = {}): AmazonPayClient {
  return createAmazonPayClient({
    sellerId: mid.merchantId,
    accessKey: mid.accessKey,
    secretKey: decryptSecret(mid.secretKeyEnc),
    mwsAuthToken: mid.mwsAuthTokenEnc ? decryptSecret(mid.mwsAuthTokenEnc) : undefined,
    region: mid.region,
    sandbox: mid.testMode,
    endpointOverride: process.env.AMAZON_PAY_ENDPOINT_OVERRIDE || undefined,
    retryBaseDelayMs: Number(process.env.AMAZON_PAY_RETRY_BASE_MS || 1000),
    onCall: async (record) => {
      await db.insert(gatewayCalls).values({
        midId: mid.id,
        orderId: context.orderId ?? null,
        transactionId: context.transactionId ?? null,
        action: record.action,
        params: JSON.stringify(record.params),
        httpStatus: record.httpStatus || null,
        requestId: record.requestId ?? null,
        errorCode: record.errorCode ?? null,
        durationMs: Math.round(record.durationMs),
        attempt: record.attempt,
        createdAt: Date.now(),
      });
    },
  });
}

export function loginWithAmazonForMid(mid: MidRow): LoginWithAmazonClient {
  return createLoginWithAmazonClient({
    clientId: mid.clientId,
    region: mid.region,
    sandbox: mid.testMode,
    endpointOverride: process.env.AMAZON_LWA_ENDPOINT_OVERRIDE || undefined,
  });
}
