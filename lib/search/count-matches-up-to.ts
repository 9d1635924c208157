import { count, sql, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/client";

/**
 * How many matches a search counts (and sums) exactly. A fragment like "example" matches nearly
 * every row of a million-row table; counting and summing all of them would cost the page seconds
 * for a figure nobody reads past "more than ten thousand".
 */
export const SEARCH_COUNT_CAP = 10_000;

/** The rows matching `where`, counted up to `cap`: stops reading at cap + 1, so a broad search costs what the cap costs. */
export async function countMatchesUpTo(
  db: Db,
  table: SQLiteTable,
  where: SQL | undefined,
  cap = SEARCH_COUNT_CAP,
): Promise<{ count: number; capped: boolean }> {
  const firstMatches = db
    .select({ one: sql`1` })
    .from(table)
    .where(where)
    .limit(cap + 1)
    .as("first_matches");
  const n = Number((await db.select({ n: count() }).from(firstMatches).limit(1))[0]?.n ?? 0);
  return n > cap ? { count: cap, capped: true } : { count: n, capped: false };
}
