import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, orders, transactions } from "@/db/schema";
import { auditActionLabel } from "@/lib/audit/describe-audit";
import { formatMoney } from "@/lib/money/money";

export type TimelineEvent = {
  key: string;
  at: number;
  kind: "placed" | "transaction" | "action" | "note";
  title: string;
  /** The staff member, or null for what Amazon or the system did. */
  who: string | null;
  why: string | null;
  status: string | null;
  detail: string | null;
};

const TRANSACTION_TITLES: Record<string, string> = { SALE: "Charge", AUTHORIZE: "Authorization", CAPTURE: "Capture", REFUND: "Refund", VOID: "Void" };

type AuditSnapshot = Record<string, unknown> | null;
const parse = (json: string | null): AuditSnapshot => (json ? (JSON.parse(json) as Record<string, unknown>) : null);
const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : null);

/**
 * What happened to an order, newest first: placed, each charge, capture, refund and void (from
 * its transactions), who asked for it and why (from the audit log), cancellations and notes.
 * Callers authorize (the order page requires orders.read).
 */
export async function readOrderTimeline(db: Db, orderId: number): Promise<TimelineEvent[]> {
  const [order] = await db
    .select({ createdAt: orders.createdAt, source: orders.source, totalMinor: orders.totalMinor, currency: orders.currency })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!order) return [];
  const rows = await db.select().from(transactions).where(eq(transactions.orderId, orderId)).orderBy(asc(transactions.id));
  const entries = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "order"), eq(auditLog.entityId, String(orderId))))
    .orderBy(asc(auditLog.id));

  // Staff actions that created a transaction lend it their author and reason.
  const requestedBy = new Map<number, { who: string; why: string | null }>();
  const events: TimelineEvent[] = [];
  for (const entry of entries) {
    const after = parse(entry.after);
    const transactionId = typeof after?.transaction === "number" ? after.transaction : null;
    if (transactionId !== null && rows.some((t) => t.id === transactionId)) {
      requestedBy.set(transactionId, { who: entry.actorLabel, why: text(after?.reason) });
      continue;
    }
    const isNote = entry.action === "order.note";
    events.push({
      key: `audit-${entry.id}`,
      at: entry.at,
      kind: isNote ? "note" : "action",
      title: isNote ? "Note" : auditActionLabel(entry.action),
      who: entry.actorLabel,
      why: isNote ? null : text(after?.reason),
      status: isNote ? null : text(after?.status),
      detail: isNote ? text(after?.note) : text(after?.amount),
    });
  }
  for (const t of rows) {
    const request = requestedBy.get(t.id);
    const decline = [t.reasonCode, t.customerMessage].filter(Boolean).join(" — ");
    events.push({
      key: `transaction-${t.id}`,
      at: t.createdAt,
      kind: "transaction",
      title: `${TRANSACTION_TITLES[t.type] ?? t.type} ${formatMoney(t.amountMinor, t.currency)}`,
      who: request?.who ?? null,
      // Refunds keep their reason as the row's message (the history seed has no audit entries).
      why:
        request?.why ?? ((t.type === "REFUND" || t.type === "VOID") && t.status !== "ERROR" && !t.status.endsWith("DECLINE") ? text(t.customerMessage) : null),
      status: t.status,
      detail: t.status === "SUCCESS" || t.status === "PENDING" ? (t.amazonRefundId ?? t.amazonCaptureId ?? t.amazonAuthorizationId) : decline || null,
    });
  }
  events.push({
    key: "placed",
    at: order.createdAt,
    kind: "placed",
    title: `Order placed ${formatMoney(order.totalMinor, order.currency)}`,
    who: null,
    why: null,
    status: null,
    detail: `via ${order.source.replace("_", " ")}`,
  });
  // Same instant: the later-recorded event goes first, as it happened after.
  return events.sort((a, b) => b.at - a.at || (a.kind === "placed" ? 1 : b.kind === "placed" ? -1 : 0));
}
