import { and, eq, isNull, ne } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { campaignProducts, campaigns } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { diffSnapshots, recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors";
import type { ProductDto } from "./campaign-dto";
import { parseProductForm } from "./parse-campaign-forms";

function loadCampaign(tx: Pick<Db, "select">, campaignId: number) {
  const campaign = tx.select().from(campaigns).where(eq(campaigns.id, campaignId)).get();
  if (!campaign) throw new DomainError("That campaign no longer exists.");
  return campaign;
}

function isSkuTaken(tx: Tx, campaignId: number, sku: string, exceptProductId?: number): boolean {
  const clash = tx
    .select({ id: campaignProducts.id })
    .from(campaignProducts)
    .where(
      and(
        eq(campaignProducts.campaignId, campaignId),
        eq(campaignProducts.sku, sku),
        isNull(campaignProducts.archivedAt),
        exceptProductId ? ne(campaignProducts.id, exceptProductId) : undefined,
      ),
    )
    .get();
  return Boolean(clash);
}

/** Validates against the campaign's currency (known only here) and saves; `productId` edits. */
export function saveProduct(db: Db, actor: Actor, campaignId: number, values: Record<string, string>, productId?: number): ProductDto {
  assertCan(actor, "campaigns.write");
  return db.transaction(
    (tx) => {
      const campaign = loadCampaign(tx, campaignId);
      const parsed = parseProductForm(values, campaign.currency);
      // Report every problem at once, the SKU clash included.
      const fieldErrors = parsed.ok ? {} : { ...parsed.fieldErrors };
      const sku = (values.sku ?? "").trim();
      if (sku && !fieldErrors.sku && isSkuTaken(tx, campaignId, sku, productId)) fieldErrors.sku = "Another product in this campaign already uses this SKU.";
      if (!parsed.ok || Object.keys(fieldErrors).length) throw new DomainError("Check the highlighted fields.", fieldErrors);
      const now = Date.now();
      if (!productId) {
        const row = tx
          .insert(campaignProducts)
          .values({ ...parsed.input, campaignId, createdAt: now, updatedAt: now })
          .returning()
          .get();
        recordAudit(tx, actor, { action: "product.create", entity: "campaign", entityId: campaignId, after: { product: row.id, ...parsed.input } });
        return row;
      }
      const before = tx
        .select()
        .from(campaignProducts)
        .where(and(eq(campaignProducts.id, productId), eq(campaignProducts.campaignId, campaignId)))
        .get();
      if (!before) throw new DomainError("That product no longer exists.");
      const after = tx
        .update(campaignProducts)
        .set({ ...parsed.input, updatedAt: now })
        .where(eq(campaignProducts.id, productId))
        .returning()
        .get();
      const { before: b, after: a } = diffSnapshots(before, after);
      delete b.updatedAt;
      delete a.updatedAt;
      if (Object.keys(a).length)
        recordAudit(tx, actor, {
          action: "product.update",
          entity: "campaign",
          entityId: campaignId,
          before: { product: productId, ...b },
          after: { product: productId, ...a },
        });
      return after;
    },
    { behavior: "immediate" },
  );
}

export function archiveProduct(db: Db, actor: Actor, campaignId: number, productId: number): void {
  assertCan(actor, "campaigns.write");
  db.transaction((tx) => {
    const product = tx
      .select()
      .from(campaignProducts)
      .where(and(eq(campaignProducts.id, productId), eq(campaignProducts.campaignId, campaignId)))
      .get();
    if (!product) throw new DomainError("That product no longer exists.");
    if (product.archivedAt) return;
    tx.update(campaignProducts).set({ archivedAt: Date.now(), updatedAt: Date.now() }).where(eq(campaignProducts.id, productId)).run();
    recordAudit(tx, actor, { action: "product.archive", entity: "campaign", entityId: campaignId, before: { product: productId, name: product.name } });
  });
}
