/**
 * The app's one status vocabulary: every internal state (order, transaction response and type,
 * subscription, MID, IPN disposition) maps to the label and tone that badges and filter options show
 * on every screen (CSV exports keep the raw values). Labels are capitalised words ("Partially refunded"), never raw enums.
 */
export type StatusTone = "green" | "amber" | "red" | "slate" | "blue" | "violet";
export type StatusWord = { label: string; tone: StatusTone };

const VOCABULARY = {
  order: {
    PENDING: { label: "Pending", tone: "blue" },
    AUTHORIZED: { label: "Authorized", tone: "blue" },
    COMPLETE: { label: "Completed", tone: "green" },
    DECLINED: { label: "Declined", tone: "amber" },
    ERROR: { label: "Error", tone: "red" },
    PARTIALLY_REFUNDED: { label: "Partially refunded", tone: "violet" },
    REFUNDED: { label: "Refunded", tone: "violet" },
    CANCELED: { label: "Canceled", tone: "slate" },
    VOIDED: { label: "Voided", tone: "slate" },
  },
  transaction: {
    PENDING: { label: "Pending", tone: "blue" },
    SUCCESS: { label: "Completed", tone: "green" },
    SOFT_DECLINE: { label: "Soft decline", tone: "amber" },
    HARD_DECLINE: { label: "Hard decline", tone: "red" },
    ERROR: { label: "Error", tone: "red" },
  },
  transactionType: {
    SALE: { label: "Sale", tone: "slate" },
    AUTHORIZE: { label: "Authorization", tone: "slate" },
    CAPTURE: { label: "Capture", tone: "slate" },
    REFUND: { label: "Refund", tone: "violet" },
    VOID: { label: "Void", tone: "slate" },
  },
  subscription: {
    active: { label: "Active", tone: "green" },
    paused: { label: "Paused", tone: "amber" },
    canceled: { label: "Canceled", tone: "slate" },
    failed: { label: "Failed", tone: "red" },
  },
  mid: {
    enabled: { label: "Enabled", tone: "green" },
    disabled: { label: "Disabled", tone: "slate" },
  },
  ipn: {
    applied: { label: "Applied", tone: "green" },
    duplicate: { label: "Duplicate", tone: "slate" },
    rejected: { label: "Rejected", tone: "red" },
    "unknown-seller": { label: "Unknown seller", tone: "red" },
    mismatched: { label: "Mismatched", tone: "amber" },
    unmatched: { label: "Unmatched", tone: "blue" },
    verified: { label: "Verified", tone: "green" },
  },
} satisfies Record<string, Record<string, StatusWord>>;

export type StatusKind = keyof typeof VOCABULARY;

/** The label and tone of a state; an unknown state reads as its words in sentence case. */
export function describeStatus(kind: StatusKind, state: string): StatusWord {
  const known = (VOCABULARY[kind] as Record<string, StatusWord>)[state];
  if (known) return known;
  const words = state.replace(/[_-]+/g, " ").toLowerCase();
  return { label: words.charAt(0).toUpperCase() + words.slice(1), tone: "slate" };
}

export const statusLabel = (kind: StatusKind, state: string): string => describeStatus(kind, state).label;
