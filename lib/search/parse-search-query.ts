/**
 * What a search box's text means. Any fragment of 3 or more characters is looked up in the
 * trigram index (SQLite: FTS5, migration 0006; PostgreSQL: pg_trgm, db/pg/migrations/0002);
 * shorter text can only be an order id, since three characters is the shortest fragment a
 * trigram index can find.
 */
export const MIN_FRAGMENT_LENGTH = 3;

// Order ids are typed as "600" or "#600" and mean that order alone; seven digits or more read
// as a fragment of a phone number or an Amazon id instead.
const ORDER_ID = /^#?(\d{1,6})$/;
const PHONE_LIKE = /^[\d\s()+.-]+$/;
const FULL_EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;

/**
 * The text as a row id (a MID's number), or null. Nine digits at most: ids are 32-bit integers on
 * PostgreSQL, where comparing one with a longer number (a phone number typed in the same box)
 * is an error, not a miss.
 */
export function asRowId(text: string): number | null {
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

/**
 * Which rows a fragment search finds: a row matches when, for any one alternative, every
 * fragment of it is a substring (case-insensitive, every character literal) of one of the row's
 * searchable fields. An OR of ANDs, so each engine renders it in its own index's terms
 * (lib/search/search-conditions.ts).
 */
export type FragmentAlternatives = string[][];

export type SearchQuery = {
  /** The text as typed, trimmed, runs of spaces made one. */
  text: string;
  /** The fragments to look up, or null when the text is too short to look up as a fragment. */
  alternatives: FragmentAlternatives | null;
  orderId: number | null;
  /**
   * A whole address. Its domain's trigrams ("exa", "com") are in nearly every row, which makes
   * the full phrase the slowest thing to match, so it is found by the email indexes, or as a
   * longer address containing it: the index finds the local part, the row's email confirms.
   */
  email: string | null;
  /** The local part of `email`, looked up in the index when it is long enough (else null). */
  emailLocal: string | null;
  /** True when the text is neither an order id nor long enough to search for. */
  tooShort: boolean;
};

/**
 * "ava smith" finds Ava Smith and smith.ava@…: each word of 3+ characters must appear, in any
 * field. A query with a shorter word ("Al Smith") is matched as one literal substring instead,
 * since the short word alone cannot be looked up. A phone-like query also matches its digits,
 * because phone numbers are indexed as digits only.
 */
function buildAlternatives(text: string): FragmentAlternatives | null {
  const alternatives: FragmentAlternatives = [];
  if (text.length >= MIN_FRAGMENT_LENGTH) {
    const words = text.split(" ");
    alternatives.push(words.length > 1 && words.every((w) => w.length >= MIN_FRAGMENT_LENGTH) ? words : [text]);
  }
  if (PHONE_LIKE.test(text)) {
    const digits = text.replace(/\D/g, "");
    if (digits.length >= MIN_FRAGMENT_LENGTH && digits !== text) alternatives.push([digits]);
  }
  return alternatives.length ? alternatives : null;
}

/** `orderIds: false` for lists with no order in them (customers), where "0100" is just a fragment. */
export function parseSearchQuery(raw: string | undefined | null, options: { orderIds: boolean } = { orderIds: true }): SearchQuery {
  const text = (raw ?? "").trim().replace(/\s+/g, " ");
  const idMatch = options.orderIds ? ORDER_ID.exec(text) : null;
  const orderId = idMatch ? Number(idMatch[1]) : null;
  const email = FULL_EMAIL.test(text) ? text.toLowerCase() : null;
  const local = email?.slice(0, email.lastIndexOf("@")) ?? "";
  const alternatives = orderId !== null || email !== null ? null : buildAlternatives(text);
  return {
    text,
    alternatives,
    orderId: orderId && orderId > 0 ? orderId : null,
    email,
    emailLocal: local.length >= MIN_FRAGMENT_LENGTH ? local : null,
    tooShort: text !== "" && alternatives === null && orderId === null && email === null,
  };
}
