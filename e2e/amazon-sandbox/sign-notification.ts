import { z } from "zod";
import type { Capture, Refund } from "./types";
import type { Store } from "./store";
import type { JsonReply } from "./lwa";
import { buildSignedNotification } from "./ipn";

/**
 * A capture or refund the caller describes, signed as its IPN and handed back unsent. The object
 * need not be in the ledger: the demo seeds its IPN inbox with notifications the app must match,
 * refuse or flag (a stranger's order, a refund amount that disagrees, a tampered body) without
 * holding the emulator's private key itself.
 */
const common = {
  id: z.string().min(1),
  sellerId: z.string().min(1),
  referenceId: z.string().min(1).max(32),
  amountMinor: z.number().int().positive(),
  currency: z.string().length(3),
  state: z.string().min(1),
  createdAt: z.number(),
  lastUpdate: z.number(),
};

const notificationSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("Capture"), authorizationId: z.string().min(1), orderReferenceId: z.string().min(1), ...common }),
  z.object({ kind: z.literal("Refund"), captureId: z.string().min(1), ...common }),
]);

function describedObject(input: z.output<typeof notificationSchema>): Capture | Refund {
  const base = {
    id: input.id,
    sellerId: input.sellerId,
    referenceId: input.referenceId,
    amount: { minor: input.amountMinor, currency: input.currency },
    status: { state: input.state, lastUpdate: input.lastUpdate },
    createdAt: input.createdAt,
    fingerprint: "",
  };
  if (input.kind === "Refund") return { ...base, kind: "Refund", captureId: input.captureId };
  return { ...base, kind: "Capture", authorizationId: input.authorizationId, orderReferenceId: input.orderReferenceId, refundedMinor: 0, refundIds: [] };
}

export function signNotification(store: Store, input: unknown, signing: { privateKeyPem: string; certUrl: string }): JsonReply {
  const parsed = notificationSchema.safeParse(input);
  if (!parsed.success) return { status: 400, body: { error: z.prettifyError(parsed.error) } };
  const seller = store.sellers.get(parsed.data.sellerId);
  if (!seller) return { status: 400, body: { error: `unknown sellerId ${parsed.data.sellerId}` } };
  const notification = buildSignedNotification(describedObject(parsed.data), seller, { now: store.clock.now(), ...signing });
  return { status: 200, body: notification };
}
