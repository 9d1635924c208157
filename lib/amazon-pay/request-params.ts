import { formatAmount } from "./amounts";
import { createInputError } from "./errors";
import type { Money } from "./types";

/** Operation parameters as they go on the wire (flattened, string values, no empty values). */
export type ParamMap = Record<string, string>;

/** Adds a text parameter; undefined and empty values are dropped (they would break signing). */
export function putText(params: ParamMap, name: string, value: string | undefined): void {
  if (value !== undefined && value !== "") params[name] = value;
}

export function putRequired(params: ParamMap, name: string, value: string | undefined, action: string): void {
  if (value === undefined || value.trim() === "") throw createInputError(`${action}: ${name} is required`, action);
  params[name] = value;
}

/** Booleans travel as lowercase `true` / `false` (reference §2.5). */
export function putBoolean(params: ParamMap, name: string, value: boolean | undefined): void {
  if (value !== undefined) params[name] = value ? "true" : "false";
}

export function putInteger(params: ParamMap, name: string, value: number | undefined, action: string): void {
  if (value === undefined) return;
  if (!Number.isSafeInteger(value) || value < 0) throw createInputError(`${action}: ${name} must be a non-negative integer`, action);
  params[name] = String(value);
}

/** `{prefix}.Amount` + `{prefix}.CurrencyCode` from integer minor units. */
export function putMoney(params: ParamMap, prefix: string, money: Money | undefined, action: string): void {
  if (money === undefined) return;
  const currency = money.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw createInputError(`${action}: ${prefix}.CurrencyCode must be an ISO 4217 code`, action);
  if (!Number.isSafeInteger(money.amountMinor) || money.amountMinor < 0) {
    throw createInputError(`${action}: ${prefix}.Amount must be a non-negative integer number of minor units`, action);
  }
  params[`${prefix}.Amount`] = formatAmount({ amountMinor: money.amountMinor, currency });
  params[`${prefix}.CurrencyCode`] = currency;
}

export function putRequiredMoney(params: ParamMap, prefix: string, money: Money | undefined, action: string): void {
  if (money === undefined) throw createInputError(`${action}: ${prefix} is required`, action);
  putMoney(params, prefix, money, action);
}

/** 1-based indexed list: `{prefix}.1`, `{prefix}.2`, … */
export function putList(params: ParamMap, prefix: string, values: readonly string[] | undefined): void {
  values?.forEach((value, index) => putText(params, `${prefix}.${index + 1}`, value));
}

export type ProviderCredit = { providerId: string; creditAmount: Money };
export type ProviderCreditReversal = { providerId: string; creditReversalAmount: Money };

export function putProviderCredits(params: ParamMap, credits: readonly ProviderCredit[] | undefined, action: string): void {
  credits?.forEach((credit, index) => {
    const prefix = `ProviderCreditList.member.${index + 1}`;
    putRequired(params, `${prefix}.ProviderId`, credit.providerId, action);
    putRequiredMoney(params, `${prefix}.CreditAmount`, credit.creditAmount, action);
  });
}

export function putProviderCreditReversals(params: ParamMap, reversals: readonly ProviderCreditReversal[] | undefined, action: string): void {
  reversals?.forEach((reversal, index) => {
    const prefix = `ProviderCreditReversalList.member.${index + 1}`;
    putRequired(params, `${prefix}.ProviderId`, reversal.providerId, action);
    putRequiredMoney(params, `${prefix}.CreditReversalAmount`, reversal.creditReversalAmount, action);
  });
}

/**
 * LWA tokens look like `Atza|IwEB…`. Landers sometimes pass them URL-encoded (`Atza%7CIwEB…`);
 * decode percent-escapes once (like PHP's urldecode) so the signer encodes `|` exactly once.
 * `+` is left alone: unlike urldecode we do not turn it into a space.
 */
export function normaliseAccessToken(token: string): string {
  const trimmed = token.trim();
  if (!/%[0-9A-Fa-f]{2}/.test(trimmed)) return trimmed;
  try {
    return decodeURIComponent(trimmed);
  } catch {
    return trimmed;
  }
}

/** `AccessToken` or the older `AddressConsentToken`, never both (Amazon answers `AmbiguousToken`). */
export function putAccessToken(params: ParamMap, input: { accessToken?: string; addressConsentToken?: string }, action: string): void {
  if (input.accessToken && input.addressConsentToken) {
    throw createInputError(`${action}: pass accessToken or addressConsentToken, not both`, action);
  }
  if (input.accessToken) params.AccessToken = normaliseAccessToken(input.accessToken);
  if (input.addressConsentToken) params.AddressConsentToken = normaliseAccessToken(input.addressConsentToken);
}

/** The authorization fields Authorize and AuthorizeOnBillingAgreement share, in one place. */
export type AuthorizationFields = {
  authorizationReferenceId: string;
  authorizationAmount: Money;
  sellerAuthorizationNote?: string;
  transactionTimeout?: number;
  captureNow?: boolean;
  softDescriptor?: string;
};

export function putAuthorizationFields(params: ParamMap, input: AuthorizationFields, action: string): void {
  putRequired(params, "AuthorizationReferenceId", input.authorizationReferenceId, action);
  putRequiredMoney(params, "AuthorizationAmount", input.authorizationAmount, action);
  putText(params, "SellerAuthorizationNote", input.sellerAuthorizationNote);
  putInteger(params, "TransactionTimeout", input.transactionTimeout, action);
  putBoolean(params, "CaptureNow", input.captureNow);
  putText(params, "SoftDescriptor", input.softDescriptor);
}
