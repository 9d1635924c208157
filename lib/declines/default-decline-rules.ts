/** The outcome classes an Amazon answer maps to; operators may override kind and message. */
export const DECLINE_REASONS = [
  {
    code: "InvalidPaymentMethod:soft",
    label: "InvalidPaymentMethod (SoftDecline=true)",
    kind: "soft",
    message: "Amazon Pay could not charge this payment method. Please try again, or choose another payment method in your Amazon account.",
  },
  {
    code: "InvalidPaymentMethod:hard",
    label: "InvalidPaymentMethod (SoftDecline=false)",
    kind: "hard",
    message: "Your payment method was declined. Please choose a different payment method in your Amazon account.",
  },
  { code: "AmazonRejected", label: "AmazonRejected", kind: "hard", message: "Amazon Pay could not accept this payment. Please use another payment method." },
  {
    code: "ProcessingFailure",
    label: "ProcessingFailure",
    kind: "soft",
    message: "Amazon Pay could not process the payment right now. Please try again in a few minutes.",
  },
  { code: "TransactionTimedOut", label: "TransactionTimedOut", kind: "soft", message: "The payment took too long to confirm. Please try again." },
  {
    code: "ApiError",
    label: "Amazon API error (other)",
    kind: "hard",
    message: "We could not complete the payment with Amazon Pay. Please contact customer service.",
  },
  {
    code: "AmazonUnavailable",
    label: "Amazon unavailable (timeouts, 500/503)",
    kind: "soft",
    message: "Amazon Pay is temporarily unavailable. Please try again in a few minutes.",
  },
] as const;

export type DeclineReasonCode = (typeof DECLINE_REASONS)[number]["code"];
export type DeclineKind = "soft" | "hard";
