import type { FieldErrors } from "@/lib/errors";
import { formatMinorPlain, formatMoney, parseMajorToMinor } from "@/lib/money/money";

/**
 * The checks the server makes on the refund, void and cancel forms, run in the browser before
 * the review step (the server still makes them): the same rules and the same words.
 */
export function validateReason(reason: string, missingMessage: string): string | undefined {
  const trimmed = reason.trim();
  if (!trimmed) return missingMessage;
  if (trimmed.length > 255) return "Keep the reason under 255 characters.";
  return undefined;
}

export function validateRefundFields(
  fields: { amount: string; reason: string },
  limits: { refundableMinor: number; currency: string; external: boolean },
): FieldErrors {
  const errors: FieldErrors = {};
  const { currency, refundableMinor } = limits;
  const amountMinor = parseMajorToMinor(fields.amount, currency);
  if (fields.amount.trim() === "") errors.amount = `Enter the amount to refund, up to ${formatMoney(refundableMinor, currency)}.`;
  else if (amountMinor === null) errors.amount = `Enter an amount in ${currency}, e.g. ${formatMinorPlain(1000, currency)}.`;
  else if (amountMinor <= 0) errors.amount = "Enter an amount greater than 0.";
  else if (amountMinor > refundableMinor) errors.amount = `At most ${formatMoney(refundableMinor, currency)} can still be refunded on this order.`;
  const reason = validateReason(fields.reason, limits.external ? "A reason is required." : "A reason is required for every refund.");
  if (reason) errors.reason = reason;
  return errors;
}
