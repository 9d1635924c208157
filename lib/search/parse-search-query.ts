/**
 * What a search box's text means. Any fragment of 3 or more characters is looked up in the
 * trigram index (migration 0006); shorter text can only be an order id, since three
 * characters is the shortest fragment a trigram index can find.
 */
export const MIN_FRAGMENT_LENGTH = 3;

// Order ids are typed as "600" or "#600" and mean that order alone; seven digits or more read
// as a fragment of a phone number or an Amazon id instead.
const ORDER_ID = /^#?(\d{1,6})$/;
const PHONE_LIKE = /^[\d\s()+.-]+$/;
const FULL_EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;

export type SearchQuery = {
  /** The text as typed, trimmed, runs of spaces made one. */
  text: string;
  /** An FTS5 MATCH expression, or null when the text is too short to look up as a fragment. */
  match: string | null;
  orderId: number | null;
  /**
   * A whole address. Its domain's trigrams ("exa", "com") are in nearly every row, which makes
   * the full phrase the slowest thing to match, so it is found by the email indexes, or as a
   * longer address containing it: the index finds the local part, the row's email confirms.
   */
  email: string | null;
  /** The MATCH for the local part of `email` in the email column, when it is long enough. */
  emailLocalMatch: string | null;
  /** True when the text is neither an order id nor long enough to search for. */
  tooShort: boolean;
};

/** A quoted FTS5 phrase: with the trigram tokenizer, any substring, every character literal. */
function phrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * "ava smith" finds Ava Smith and smith.ava@…: each word of 3+ characters must appear, in any
 * field. A query with a shorter word ("Al Smith") is matched as one literal substring instead,
 * since the short word alone cannot be looked up. A phone-like query also matches its digits,
 * because phone numbers are indexed as digits only.
 */
function buildMatch(text: string): string | null {
  const alternatives: string[] = [];
  if (text.length >= MIN_FRAGMENT_LENGTH) {
    const words = text.split(" ");
    alternatives.push(words.length > 1 && words.every((w) => w.length >= MIN_FRAGMENT_LENGTH) ? `(${words.map(phrase).join(" AND ")})` : phrase(text));
  }
  if (PHONE_LIKE.test(text)) {
    const digits = text.replace(/\D/g, "");
    if (digits.length >= MIN_FRAGMENT_LENGTH && digits !== text) alternatives.push(phrase(digits));
  }
  return alternatives.length ? alternatives.join(" OR ") : null;
}

/** `orderIds: false` for lists with no order in them (customers), where "0100" is just a fragment. */
export function parseSearchQuery(raw: string | undefined | null, options: { orderIds: boolean } = { orderIds: true }): SearchQuery {
  const text = (raw ?? "").trim().replace(/\s+/g, " ");
  const idMatch = options.orderIds ? ORDER_ID.exec(text) : null;
  const orderId = idMatch ? Number(idMatch[1]) : null;
  const email = FULL_EMAIL.test(text) ? text.toLowerCase() : null;
  const local = email?.slice(0, email.lastIndexOf("@")) ?? "";
  const emailLocalMatch = local.length >= MIN_FRAGMENT_LENGTH ? `email : ${phrase(local)}` : null;
  const match = orderId !== null || email !== null ? null : buildMatch(text);
  return {
    text,
    match,
    orderId: orderId && orderId > 0 ? orderId : null,
    email,
    emailLocalMatch,
    tooShort: text !== "" && match === null && orderId === null && email === null,
  };
}
