import { eq } from "drizzle-orm";
import { runTransaction, type Db } from "@/db/client";
import { orders } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors";

export const MAX_NOTE_LENGTH = 1000;

/** Reads the note field: required, at most MAX_NOTE_LENGTH characters once trimmed. */
export function parseOrderNote(value: unknown): string {
  const note = typeof value === "string" ? value.trim() : "";
  if (note === "") throw new DomainError("Write the note first.", { note: "Write a note (what happened, what the customer asked)." });
  if (note.length > MAX_NOTE_LENGTH)
    throw new DomainError("The note is too long.", { note: `At most ${MAX_NOTE_LENGTH} characters (this one has ${note.length}).` });
  return note;
}

/**
 * A staff note on an order (support and above). Stored as an audit entry, so it sits in the
 * order's timeline beside the refunds and captures, with who wrote it and when, and can never
 * be edited afterwards.
 */
export async function addOrderNote(db: Db, actor: Actor, input: { orderId: number; note: unknown }): Promise<void> {
  assertCan(actor, "orders.note");
  const note = parseOrderNote(input.note);
  await runTransaction(db, async (tx) => {
    const [order] = await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, input.orderId));
    if (!order) throw new DomainError("Order not found.");
    await recordAudit(tx, actor, { action: "order.note", entity: "order", entityId: order.id, after: { note } });
  });
}
