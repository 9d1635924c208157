import { beforeEach, describe, expect, it } from "vitest";
import { sql, type SQL } from "drizzle-orm";
import { selectRows, type Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { createTestDb } from "@/lib/testing/test-db";
import { createTestMid } from "@/lib/testing/test-mids";
import { recordAudit } from "@/lib/audit/record-audit";
import { ForbiddenError } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { addOrderNote, MAX_NOTE_LENGTH } from "./add-order-note";
import { readOrderTimeline } from "./order-timeline";

describe("order timeline and notes", () => {
  let db: Db;
  let support: Actor;
  let orderId: number;

  beforeEach(async () => {
    const created = await createTestDb();
    db = created.db;
    support = await created.actorFor("support");
    const mid = await createTestMid(db, await created.actorFor("admin"));
    const at = Date.now() - 60_000;
    const insertReturningId = async (statement: SQL) => (await selectRows<{ id: number }>(db, statement))[0].id;
    orderId = await insertReturningId(
      sql`insert into orders (mid_id, status, currency, subtotal_minor, shipping_minor, total_minor, source, created_at, updated_at) values (${mid.id}, 'COMPLETE', 'USD', 4490, 0, 4490, 'api', ${at}, ${at}) returning id`,
    );
    const saleId = await insertReturningId(
      sql`insert into transactions (order_id, mid_id, type, status, amount_minor, currency, reference_id, amazon_capture_id, created_at, updated_at) values (${orderId}, ${mid.id}, 'SALE', 'SUCCESS', 4490, 'USD', 'r-1', 'S01-1-1-C1', ${at}, ${at}) returning id`,
    );
    const refundId = await insertReturningId(
      sql`insert into transactions (order_id, mid_id, type, status, amount_minor, currency, reference_id, parent_transaction_id, customer_message, created_at, updated_at) values (${orderId}, ${mid.id}, 'REFUND', 'PENDING', 500, 'USD', 'r-2', ${saleId}, 'Arrived late', ${at + 1000}, ${at + 1000}) returning id`,
    );
    await recordAudit(db, support, {
      action: "order.refund",
      entity: "order",
      entityId: orderId,
      after: { amount: "$5.00", reason: "Arrived late", transaction: refundId },
    });
  });

  it("tells who refunded and why on the refund itself, newest first", async () => {
    await addOrderNote(db, support, { orderId, note: "  Customer called about the parcel.  " });
    const events = await readOrderTimeline(db, orderId);
    expect(events.map((e) => [e.kind, e.title])).toEqual([
      ["note", "Note"],
      ["transaction", "Refund $5.00"],
      ["transaction", "Charge $44.90"],
      ["placed", "Order placed $44.90"],
    ]);
    expect(events[0]).toMatchObject({ who: "support@test.local", detail: "Customer called about the parcel." });
    expect(events[1]).toMatchObject({ who: "support@test.local", why: "Arrived late", status: "PENDING" });
  });

  it("refuses an empty or overlong note by naming the field, a missing order, and a role without orders.note", async () => {
    const fieldError = async (note: unknown) => {
      try {
        await addOrderNote(db, support, { orderId, note });
      } catch (error) {
        return error instanceof DomainError ? error.fieldErrors.note : String(error);
      }
      return "accepted";
    };
    expect(await fieldError("   ")).toMatch(/Write a note/);
    expect(await fieldError(undefined)).toMatch(/Write a note/);
    expect(await fieldError("x".repeat(MAX_NOTE_LENGTH + 1))).toMatch(`At most ${MAX_NOTE_LENGTH} characters`);
    expect(await fieldError("x".repeat(MAX_NOTE_LENGTH))).toBe("accepted");
    await expect(addOrderNote(db, support, { orderId: 999_999, note: "hi" })).rejects.toThrow("Order not found.");
    const campaignManager: Actor = { ...support, role: "campaign_manager" };
    await expect(addOrderNote(db, campaignManager, { orderId, note: "hi" })).rejects.toThrow(ForbiddenError);
  });
});
