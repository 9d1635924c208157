import { createHash } from "node:crypto";
import { and, count, desc, eq, gte, inArray, max } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { ipnEvents } from "@/db/schema";
import { REFUSED_DISPOSITIONS } from "./ipn-disposition";
import { log } from "@/lib/log/logger.mjs";

/** Refused bodies (rejected, unknown seller) keep their hash, size and only this many bytes. */
export const REFUSED_BODY_BYTES = 4 * 1024;
/** At most this many refused notifications are stored per source address per rolling hour. */
export const REFUSED_PER_SOURCE_PER_HOUR = 100;
const HOUR_MS = 60 * 60 * 1000;

export type BodyFacts = { bodySha256: string; bodyBytes: number };

export function describeBody(body: string): BodyFacts {
  return { bodySha256: createHash("sha256").update(body, "utf8").digest("hex"), bodyBytes: Buffer.byteLength(body, "utf8") };
}

/** The first `limit` bytes of the body, cut on a character boundary. */
export function truncateBody(body: string, limit = REFUSED_BODY_BYTES): string {
  const bytes = Buffer.from(body, "utf8");
  if (bytes.length <= limit) return body;
  let end = limit;
  // Step back over UTF-8 continuation bytes (10xxxxxx) so no character is cut in half.
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end -= 1;
  return bytes.subarray(0, end).toString("utf8");
}

/** Whether this source has already stored its hourly share of refused notifications. */
export async function isSourceOverCap(tx: Tx, sourceIp: string, at: number): Promise<boolean> {
  const [row] = await tx
    .select({ n: count() })
    .from(ipnEvents)
    .where(and(eq(ipnEvents.sourceIp, sourceIp), gte(ipnEvents.receivedAt, at - HOUR_MS), inArray(ipnEvents.disposition, [...REFUSED_DISPOSITIONS])));
  return (row?.n ?? 0) >= REFUSED_PER_SOURCE_PER_HOUR;
}

const warnedAt = new Map<string, number>();

/** One log line per source and hour, so a flood does not fill the log instead of the database. */
export function warnSourceOverCap(sourceIp: string, at: number): void {
  const last = warnedAt.get(sourceIp);
  if (last !== undefined && at - last < HOUR_MS) return;
  warnedAt.set(sourceIp, at);
  log.warn(
    { sourceIp },
    `IPN: ${sourceIp} sent more than ${REFUSED_PER_SOURCE_PER_HOUR} rejected notifications within an hour; further ones are answered 429 and not stored.`,
  );
}

/** Sources at the cap right now, for the IPN inbox. */
export async function listSourcesOverCap(db: Db, at = Date.now()): Promise<Array<{ sourceIp: string; refused: number; lastAt: number }>> {
  return (
    await db
      .select({ sourceIp: ipnEvents.sourceIp, refused: count(), lastAt: max(ipnEvents.receivedAt) })
      .from(ipnEvents)
      .where(and(gte(ipnEvents.receivedAt, at - HOUR_MS), inArray(ipnEvents.disposition, [...REFUSED_DISPOSITIONS])))
      .groupBy(ipnEvents.sourceIp)
      .orderBy(desc(count()))
  ).flatMap((r) => (r.sourceIp && r.refused >= REFUSED_PER_SOURCE_PER_HOUR ? [{ sourceIp: r.sourceIp, refused: r.refused, lastAt: r.lastAt ?? at }] : []));
}
