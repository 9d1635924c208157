import { and, eq, isNull, ne } from "drizzle-orm";
import { runTransaction, type Db, type Tx } from "@/db/client";
import { campaignProducts, campaigns } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { diffSnapshots, recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors";
import type { ProductDto } from "./campaign-dto";
import { parseProductForm } from "./parse-campaign-forms";

async function loadCampaign(tx: Pick<Db, "select">, campaignId: number) {
  const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign) throw new DomainError("That campaign no longer exists.");
  return campaign;
}

async function isSkuTaken(tx: Tx, campaignId: number, sku: string, exceptProductId?: number): Promise<boolean> {
  const [clash] = await tx
    .select({ id: campaignProducts.id })
    .from(campaignProducts)
    .where(
      and(
        eq(campaignProducts.campaignId, campaignId),
        eq(campaignProducts.sku, sku),
        isNull(campaignProducts.archivedAt),
        exceptProductId ? ne(campaignProducts.id, exceptProductId) : undefined,
      ),
    );
  return Boolean(clash);
}

/** Validates against the campaign's currency (known only here) and saves; `productId` edits. */
export async function saveProduct(db: Db, actor: Actor, campaignId: number, values: Record<string, string>, productId?: number): Promise<ProductDto> {
  assertCan(actor, "campaigns.write");
  return runTransaction(db, async (tx) => {
    const campaign = await loadCampaign(tx, campaignId);
    const parsed = parseProductForm(values, campaign.currency);
    // Report every problem at once, the SKU clash included.
    const fieldErrors = parsed.ok ? {} : { ...parsed.fieldErrors };
    const sku = (values.sku ?? "").trim();
    if (sku && !fieldErrors.sku && (await isSkuTaken(tx, campaignId, sku, productId)))
      fieldErrors.sku = "Another product in this campaign already uses this SKU.";
    if (!parsed.ok || Object.keys(fieldErrors).length) throw new DomainError("Check the highlighted fields.", fieldErrors);
    const now = Date.now();
    if (!productId) {
      const [row] = await tx
        .insert(campaignProducts)
        .values({ ...parsed.input, campaignId, createdAt: now, updatedAt: now })
        .returning();
      await recordAudit(tx, actor, { action: "product.create", entity: "campaign", entityId: campaignId, after: { product: row.id, ...parsed.input } });
      return row;
    }
    const [before] = await tx
      .select()
      .from(campaignProducts)
      .where(and(eq(campaignProducts.id, productId), eq(campaignProducts.campaignId, campaignId)));
    if (!before) throw new DomainError("That product no longer exists.");
    const [after] = await tx
      .update(campaignProducts)
      .set({ ...parsed.input, updatedAt: now })
      .where(eq(campaignProducts.id, productId))
      .returning();
    const { before: b, after: a } = diffSnapshots(before, after);
    delete b.updatedAt;
    delete a.updatedAt;
    if (Object.keys(a).length)
      await recordAudit(tx, actor, {
        action: "product.update",
        entity: "campaign",
        entityId: campaignId,
        before: { product: productId, ...b },
        after: { product: productId, ...a },
      });
    return after;
  });
}

export async function archiveProduct(db: Db, actor: Actor, campaignId: number, productId: number): Promise<void> {
  assertCan(actor, "campaigns.write");
  await runTransaction(db, async (tx) => {
    const [product] = await tx
      .select()
      .from(campaignProducts)
      .where(and(eq(campaignProducts.id, productId), eq(campaignProducts.campaignId, campaignId)));
    if (!product) throw new DomainError("That product no longer exists.");
    if (product.archivedAt) return;
    await tx.update(campaignProducts).set({ archivedAt: Date.now(), updatedAt: Date.now() }).where(eq(campaignProducts.id, productId));
    await recordAudit(tx, actor, { action: "product.archive", entity: "campaign", entityId: campaignId, before: { product: productId, name: product.name } });
  });
}
