import type { Currency } from "@/lib/values/currencies";
import type { Region } from "@/lib/values/regions";

/** The currencies Amazon Pay accepts for a merchant account in each region. */
export const REGION_CURRENCIES: Record<Region, readonly Currency[]> = {
  US: ["USD"],
  UK: ["GBP", "EUR", "USD"],
  DE: ["EUR", "GBP", "USD"],
  JP: ["JPY"],
};

export const REGION_LABELS: Record<Region, string> = {
  US: "United States",
  UK: "United Kingdom",
  DE: "Germany (EU)",
  JP: "Japan",
};

export const SELLER_ID_PATTERN = /^A[A-Z0-9]{9,15}$/;
export const ACCESS_KEY_PATTERN = /^[A-Z0-9]{20}$/;
export const SECRET_KEY_PATTERN = /^[A-Za-z0-9/+=]{40}$/;
export const CLIENT_ID_PATTERN = /^amzn1\.application-oa2-client\.[0-9a-f]{32}$/;
export const CLIENT_SECRET_PATTERN = /^[A-Za-z0-9._\-]{20,128}$/;
export const MWS_AUTH_TOKEN_PATTERN = /^amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const PHONE_PATTERN = /^\+?[0-9][0-9 ()\-.]{5,22}$/;
/** Amazon's SoftDescriptor limit. */
export const DESCRIPTOR_MAX = 16;
