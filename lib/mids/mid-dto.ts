import type { mids } from "@/db/schema";
import type { MidSettings } from "./parse-mid-form";

type MidRow = typeof mids.$inferSelect;

/** What may leave the server about a MID: never a secret, and the access key only masked. */
export type MidDto = MidSettings & {
  id: number;
  accessKeyHint: string;
  secretKeySet: boolean;
  clientSecretSet: boolean;
  mwsAuthTokenSet: boolean;
  lastVerifiedAt: number | null;
  lastVerifyResult: string | null;
  createdAt: number;
  updatedAt: number;
};

export function maskIdentifier(value: string): string {
  return value.length <= 4 ? "••••" : `••••${value.slice(-4)}`;
}

export function toMidDto(row: MidRow): MidDto {
  return {
    id: row.id,
    title: row.title,
    midNumber: row.midNumber,
    merchantId: row.merchantId,
    accessKeyHint: maskIdentifier(row.accessKey),
    clientId: row.clientId,
    region: row.region,
    currency: row.currency,
    testMode: row.testMode,
    descriptor: row.descriptor,
    customerServicePhone: row.customerServicePhone,
    customerServiceEmail: row.customerServiceEmail,
    monthlyCapMinor: row.monthlyCapMinor,
    capCountsRefunds: row.capCountsRefunds,
    capAlertPercent: row.capAlertPercent,
    discountRateBps: row.discountRateBps,
    reserveRateBps: row.reserveRateBps,
    transactionFeeMinor: row.transactionFeeMinor,
    chargebackFeeMinor: row.chargebackFeeMinor,
    enabled: row.enabled,
    secretKeySet: Boolean(row.secretKeyEnc),
    clientSecretSet: Boolean(row.clientSecretEnc),
    mwsAuthTokenSet: Boolean(row.mwsAuthTokenEnc),
    lastVerifiedAt: row.lastVerifiedAt,
    lastVerifyResult: row.lastVerifyResult,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The audit snapshot of a MID: secrets appear only as "set"/"not set" (and "changed" in edits). */
export function auditSnapshotOfMid(row: MidRow): Record<string, unknown> {
  const dto = toMidDto(row);
  return {
    title: dto.title,
    mid_number: dto.midNumber,
    merchant_id: dto.merchantId,
    access_key: dto.accessKeyHint,
    secret_key: dto.secretKeySet ? "set" : "not set",
    client_id: dto.clientId,
    client_secret: dto.clientSecretSet ? "set" : "not set",
    mws_auth_token: dto.mwsAuthTokenSet ? "set" : "not set",
    region: dto.region,
    currency: dto.currency,
    test_mode: dto.testMode,
    descriptor: dto.descriptor,
    customer_service_phone: dto.customerServicePhone,
    customer_service_email: dto.customerServiceEmail,
    monthly_cap_minor: dto.monthlyCapMinor,
    cap_counts_refunds: dto.capCountsRefunds,
    cap_alert_percent: dto.capAlertPercent,
    discount_rate_bps: dto.discountRateBps,
    reserve_rate_bps: dto.reserveRateBps,
    transaction_fee_minor: dto.transactionFeeMinor,
    chargeback_fee_minor: dto.chargebackFeeMinor,
    enabled: dto.enabled,
  };
}
