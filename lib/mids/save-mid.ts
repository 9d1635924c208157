import { eq } from "drizzle-orm";
import { runTransaction, type Db } from "@/db/client";
import { mids } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { diffSnapshots, recordAudit } from "@/lib/audit/record-audit";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { DomainError } from "@/lib/errors";
import { auditSnapshotOfMid, toMidDto, type MidDto } from "./mid-dto";
import type { MidInput } from "./parse-mid-form";

const SECRET_FIELDS = [
  ["secretKey", "secret_key"],
  ["clientSecret", "client_secret"],
  ["mwsAuthToken", "mws_auth_token"],
] as const;

function assertMayWriteSecrets(actor: Actor, input: MidInput): void {
  const setsSecret = SECRET_FIELDS.some(([key]) => input[key] !== undefined);
  if (setsSecret) assertCan(actor, "mids.secrets.write");
}

/** Columns shared by create and update; secrets are encrypted here, outside any transaction. */
function plainColumns(input: MidInput) {
  return {
    title: input.title,
    midNumber: input.midNumber,
    merchantId: input.merchantId,
    clientId: input.clientId,
    region: input.region,
    currency: input.currency,
    testMode: input.testMode,
    descriptor: input.descriptor,
    customerServicePhone: input.customerServicePhone,
    customerServiceEmail: input.customerServiceEmail,
    monthlyCapMinor: input.monthlyCapMinor,
    capCountsRefunds: input.capCountsRefunds,
    capAlertPercent: input.capAlertPercent,
    discountRateBps: input.discountRateBps,
    reserveRateBps: input.reserveRateBps,
    transactionFeeMinor: input.transactionFeeMinor,
    chargebackFeeMinor: input.chargebackFeeMinor,
    enabled: input.enabled,
  };
}

function encryptedColumns(input: MidInput) {
  return {
    ...(input.secretKey !== undefined && { secretKeyEnc: encryptSecret(input.secretKey) }),
    ...(input.clientSecret !== undefined && { clientSecretEnc: encryptSecret(input.clientSecret) }),
    ...(input.mwsAuthToken !== undefined && { mwsAuthTokenEnc: encryptSecret(input.mwsAuthToken) }),
  };
}

export async function createMid(db: Db, actor: Actor, input: MidInput): Promise<MidDto> {
  assertCan(actor, "mids.write");
  assertMayWriteSecrets(actor, input);
  if (!input.accessKey || !input.secretKey) {
    throw new DomainError("Check the highlighted fields.", {
      ...(!input.accessKey && { access_key: "MWS access key is required." }),
      ...(!input.secretKey && { secret_key: "MWS secret key is required." }),
    });
  }
  const secrets = encryptedColumns(input);
  const now = Date.now();
  return runTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(mids)
      .values({
        ...plainColumns(input),
        accessKey: input.accessKey as string,
        secretKeyEnc: secrets.secretKeyEnc as string,
        ...secrets,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, actor, { action: "mid.create", entity: "mid", entityId: row.id, after: auditSnapshotOfMid(row) });
    return toMidDto(row);
  });
}

export async function updateMid(db: Db, actor: Actor, midId: number, input: MidInput): Promise<MidDto> {
  assertCan(actor, "mids.write");
  assertMayWriteSecrets(actor, input);
  const secrets = encryptedColumns(input);
  return runTransaction(db, async (tx) => {
    const [before] = await tx.select().from(mids).where(eq(mids.id, midId));
    if (!before) throw new DomainError("That MID no longer exists.");
    const [after] = await tx
      .update(mids)
      .set({ ...plainColumns(input), ...(input.accessKey && { accessKey: input.accessKey }), ...secrets, updatedAt: Date.now() })
      .where(eq(mids.id, midId))
      .returning();
    const diff = diffSnapshots(auditSnapshotOfMid(before), auditSnapshotOfMid(after));
    // A re-entered secret is a change even when it was already set; say so without a value.
    for (const [key, field] of SECRET_FIELDS) {
      if (input[key] !== undefined) {
        diff.before[field] = auditSnapshotOfMid(before)[field];
        diff.after[field] = "changed";
      }
    }
    if (input.accessKey && input.accessKey !== before.accessKey) diff.after.access_key = `changed (${toMidDto(after).accessKeyHint})`;
    if (Object.keys(diff.after).length > 0) {
      await recordAudit(tx, actor, { action: "mid.update", entity: "mid", entityId: midId, before: diff.before, after: diff.after });
    }
    return toMidDto(after);
  });
}

export async function setMidEnabled(db: Db, actor: Actor, midId: number, enabled: boolean): Promise<MidDto> {
  assertCan(actor, "mids.write");
  return runTransaction(db, async (tx) => {
    const [before] = await tx.select().from(mids).where(eq(mids.id, midId));
    if (!before) throw new DomainError("That MID no longer exists.");
    if (before.enabled === enabled) return toMidDto(before);
    const [after] = await tx.update(mids).set({ enabled, updatedAt: Date.now() }).where(eq(mids.id, midId)).returning();
    await recordAudit(tx, actor, {
      action: enabled ? "mid.enable" : "mid.disable",
      entity: "mid",
      entityId: midId,
      before: { enabled: before.enabled },
      after: { enabled },
    });
    return toMidDto(after);
  });
}
