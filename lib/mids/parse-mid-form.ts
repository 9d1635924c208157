import { CURRENCIES, type Currency } from "@/lib/values/currencies";
import { REGIONS, type Region } from "@/lib/values/regions";
import type { FieldErrors } from "@/lib/errors";
import { parseMajorToMinor, parsePercentToBps } from "@/lib/money/money";
import {
  ACCESS_KEY_PATTERN,
  CLIENT_ID_PATTERN,
  CLIENT_SECRET_PATTERN,
  DESCRIPTOR_MAX,
  MWS_AUTH_TOKEN_PATTERN,
  PHONE_PATTERN,
  REGION_CURRENCIES,
  SECRET_KEY_PATTERN,
  SELLER_ID_PATTERN,
} from "./mid-rules";

/** The plain (non-credential) settings of a MID, shared by the input and the DTO. */
export type MidSettings = {
  title: string;
  midNumber: string | null;
  merchantId: string;
  clientId: string;
  region: Region;
  currency: Currency;
  testMode: boolean;
  descriptor: string;
  customerServicePhone: string;
  customerServiceEmail: string | null;
  monthlyCapMinor: number;
  capCountsRefunds: boolean;
  capAlertPercent: number;
  discountRateBps: number;
  reserveRateBps: number;
  transactionFeeMinor: number;
  chargebackFeeMinor: number;
  enabled: boolean;
};

/** Validated MID fields. A secret or the access key that is `undefined` means "keep what is stored". */
export type MidInput = MidSettings & {
  accessKey: string | undefined;
  secretKey: string | undefined;
  clientSecret: string | undefined;
  mwsAuthToken: string | undefined;
};

export type MidFormValues = Record<string, string | undefined>;

export type ParseResult = { ok: true; input: MidInput } | { ok: false; fieldErrors: FieldErrors };

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isChecked(value: string | undefined): boolean {
  return value === "on" || value === "true" || value === "1";
}

/**
 * Turns the MID form (field names of design.md §5) into validated input with one message per
 * field. `mode: "create"` requires the access key and secret key; on edit a blank keeps them.
 */
export function parseMidForm(values: MidFormValues, mode: "create" | "edit"): ParseResult {
  const errors: FieldErrors = {};
  const text = (name: string) => (values[name] ?? "").trim();

  const title = text("title");
  if (!title) errors.title = "Title is required.";
  else if (title.length > 80) errors.title = "Title must be at most 80 characters.";

  const midNumber = text("mid_number");
  if (midNumber.length > 40) errors.mid_number = "MID number must be at most 40 characters.";

  const merchantId = text("merchant_id").toUpperCase();
  if (!merchantId) errors.merchant_id = "Seller ID is required.";
  else if (!SELLER_ID_PATTERN.test(merchantId)) errors.merchant_id = "Seller ID must be 10–16 letters and digits starting with A, e.g. A2K7NDRCTOTPW9.";

  const accessKey = text("access_key").toUpperCase();
  if (!accessKey && mode === "create") errors.access_key = "MWS access key is required.";
  else if (accessKey && !ACCESS_KEY_PATTERN.test(accessKey)) errors.access_key = "MWS access key must be 20 letters and digits, e.g. AKIAIOSFODNN7EXAMPLE.";

  const secretKey = text("secret_key");
  if (!secretKey && mode === "create") errors.secret_key = "MWS secret key is required.";
  else if (secretKey && !SECRET_KEY_PATTERN.test(secretKey)) errors.secret_key = "MWS secret key must be the 40-character key from Seller Central.";

  const clientId = text("client_id");
  if (!clientId) errors.client_id = "Login with Amazon client ID is required.";
  else if (!CLIENT_ID_PATTERN.test(clientId)) errors.client_id = "Client ID must look like amzn1.application-oa2-client. followed by 32 hex characters.";

  const clientSecret = text("client_secret");
  if (clientSecret && !CLIENT_SECRET_PATTERN.test(clientSecret))
    errors.client_secret = "Client secret must be 20–128 letters, digits, dots, dashes or underscores.";

  const mwsAuthToken = text("mws_auth_token");
  if (mwsAuthToken && !MWS_AUTH_TOKEN_PATTERN.test(mwsAuthToken)) errors.mws_auth_token = "MWS auth token must look like amzn.mws. followed by a UUID.";

  const region = text("region") as Region;
  const currency = text("currency") as Currency;
  if (!REGIONS.includes(region)) errors.region = `Region must be one of ${REGIONS.join(", ")}.`;
  if (!CURRENCIES.includes(currency)) errors.currency = `Currency must be one of ${CURRENCIES.join(", ")}.`;
  else if (REGIONS.includes(region) && !REGION_CURRENCIES[region].includes(currency)) {
    errors.currency = `Amazon Pay ${region} accepts ${REGION_CURRENCIES[region].join(", ")} only.`;
  }
  const moneyCurrency = CURRENCIES.includes(currency) ? currency : "USD";

  const descriptor = text("descriptor");
  if (!descriptor) errors.descriptor = "Descriptor is required (it appears on the buyer's statement).";
  else if (descriptor.length > DESCRIPTOR_MAX)
    errors.descriptor = `Descriptor must be 1–${DESCRIPTOR_MAX} characters (Amazon's limit); it has ${descriptor.length}.`;

  const customerServicePhone = text("customer_service_phone");
  if (!customerServicePhone) errors.customer_service_phone = "Customer-service phone is required.";
  else if (!PHONE_PATTERN.test(customerServicePhone))
    errors.customer_service_phone = "Enter a phone number of digits, spaces, dashes or parentheses, e.g. +1 800 555 0100.";

  const customerServiceEmail = text("customer_service_email");
  if (customerServiceEmail && !EMAIL_PATTERN.test(customerServiceEmail)) errors.customer_service_email = "Enter a valid email address.";

  const capText = text("monthly_cap");
  const monthlyCapMinor = parseMajorToMinor(capText, moneyCurrency);
  if (!capText) errors.monthly_cap = "Monthly cap is required.";
  else if (monthlyCapMinor === null)
    errors.monthly_cap = `Monthly cap must be an amount in ${moneyCurrency}${moneyCurrency === "JPY" ? " without decimals" : " with at most 2 decimals"}.`;
  else if (monthlyCapMinor <= 0) errors.monthly_cap = "Monthly cap must be greater than 0.";

  const alertText = text("cap_alert_percent") || "80";
  const capAlertPercent = /^\d{1,3}$/.test(alertText) ? Number(alertText) : NaN;
  if (!(capAlertPercent >= 1 && capAlertPercent <= 100)) errors.cap_alert_percent = "Alert threshold must be a whole percent from 1 to 100.";

  const rate = (name: string, label: string): number => {
    const bps = parsePercentToBps(text(name) || "0");
    if (bps === null || bps > 10000) {
      errors[name] = `${label} must be a percent from 0 to 100 with at most 2 decimals.`;
      return 0;
    }
    return bps;
  };
  const discountRateBps = rate("discount_rate", "Discount rate");
  const reserveRateBps = rate("reserve_rate", "Reserve rate");

  const fee = (name: string, label: string): number => {
    const minor = parseMajorToMinor(text(name) || "0", moneyCurrency);
    if (minor === null) {
      errors[name] = `${label} must be an amount in ${moneyCurrency} of 0 or more.`;
      return 0;
    }
    return minor;
  };
  const transactionFeeMinor = fee("transaction_fee", "Transaction fee");
  const chargebackFeeMinor = fee("chargeback_fee", "Chargeback fee");

  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  return {
    ok: true,
    input: {
      title,
      midNumber: midNumber || null,
      merchantId,
      accessKey: accessKey || undefined,
      secretKey: secretKey || undefined,
      clientId,
      clientSecret: clientSecret || undefined,
      mwsAuthToken: mwsAuthToken || undefined,
      region,
      currency,
      testMode: isChecked(values.test_mode),
      descriptor,
      customerServicePhone,
      customerServiceEmail: customerServiceEmail || null,
      monthlyCapMinor: monthlyCapMinor as number,
      capCountsRefunds: isChecked(values.cap_counts_refunds),
      capAlertPercent,
      discountRateBps,
      reserveRateBps,
      transactionFeeMinor,
      chargebackFeeMinor,
      enabled: isChecked(values.enabled),
    },
  };
}
