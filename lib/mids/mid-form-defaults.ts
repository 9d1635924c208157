import { formatBpsAsPercent, formatMinorPlain } from "@/lib/money/money";
import type { MidDto } from "./mid-dto";

/** What the MID form is prefilled with: non-secret values only. */
export function midFormDefaults(mid: MidDto | null) {
  if (!mid) {
    return {
      title: "",
      mid_number: "",
      merchant_id: "",
      client_id: "",
      region: "US" as const,
      currency: "USD",
      test_mode: true,
      descriptor: "",
      customer_service_phone: "",
      customer_service_email: "",
      monthly_cap: "",
      cap_counts_refunds: false,
      cap_alert_percent: "80",
      discount_rate: "0",
      reserve_rate: "0",
      transaction_fee: "0",
      chargeback_fee: "0",
      enabled: true,
    };
  }
  return {
    title: mid.title,
    mid_number: mid.midNumber ?? "",
    merchant_id: mid.merchantId,
    client_id: mid.clientId,
    region: mid.region,
    currency: mid.currency,
    test_mode: mid.testMode,
    descriptor: mid.descriptor,
    customer_service_phone: mid.customerServicePhone,
    customer_service_email: mid.customerServiceEmail ?? "",
    monthly_cap: formatMinorPlain(mid.monthlyCapMinor, mid.currency),
    cap_counts_refunds: mid.capCountsRefunds,
    cap_alert_percent: String(mid.capAlertPercent),
    discount_rate: formatBpsAsPercent(mid.discountRateBps),
    reserve_rate: formatBpsAsPercent(mid.reserveRateBps),
    transaction_fee: formatMinorPlain(mid.transactionFeeMinor, mid.currency),
    chargeback_fee: formatMinorPlain(mid.chargebackFeeMinor, mid.currency),
    enabled: mid.enabled,
    accessKeyHint: mid.accessKeyHint,
    secretKeySet: mid.secretKeySet,
    clientSecretSet: mid.clientSecretSet,
    mwsAuthTokenSet: mid.mwsAuthTokenSet,
  };
}
