import { sql } from "drizzle-orm";
import { executeSql, selectRows, type Db } from "@/db/client";
import { insertChargedOrder, readSeedProduct, seededAmazonIds } from "./seed-demo-charged-order";

const DAY_MS = 86_400_000;

const MEMBERS = [
  { first: "Nora", last: "Quinn" },
  { first: "Felix", last: "Ortega" },
  { first: "Priya", last: "Shah" },
  { first: "Tom", last: "Becker" },
  { first: "Lena", last: "Fischer" },
];

/**
 * Serum Club members: recurring orders charged on a billing agreement (trial price now, the
 * rebill price every cycle after the trial), each with its active subscription. Started within
 * the trial window, so every next bill date is still ahead.
 */
export async function seedDemoSubscriptions(db: Db, midId: number, options: { now?: number; firstSerial: number }): Promise<number[]> {
  const now = options.now ?? Date.now();
  const product = await readSeedProduct(db, "GS-CLUB-M");
  const [row] = await selectRows<{ cycleDays: number; rebillPriceMinor: number; trialDays: number }>(
    db,
    sql`select cycle_days as "cycleDays", rebill_price_minor as "rebillPriceMinor", trial_days as "trialDays" from campaign_products where id = ${product.id}`,
  );
  const orderIds: number[] = [];
  for (const [index, member] of MEMBERS.entries()) {
    const at = now - (index * 2 + 1) * DAY_MS - index * 3_600_000;
    const serial = options.firstSerial + index;
    const billingAgreementId = seededAmazonIds(serial).billingAgreement;
    const email = `${member.first}.${member.last}.club@example.com`.toLowerCase();
    const orderId = await insertChargedOrder(db, { product, midId, at, serial, billingAgreementId, buyer: { ...member, email } });
    const [customer] = await selectRows<{ customerId: number }>(db, sql`select customer_id as "customerId" from orders where id = ${orderId}`);
    await executeSql(
      db,
      sql`insert into subscriptions (order_id, product_id, mid_id, customer_id, amazon_billing_agreement_id, status, cycle_days, rebill_price_minor, currency, next_bill_at, created_at, updated_at)
        values (${orderId}, ${product.id}, ${midId}, ${customer.customerId}, ${billingAgreementId}, 'active', ${row.cycleDays}, ${row.rebillPriceMinor}, ${product.currency}, ${at + (row.trialDays || row.cycleDays) * DAY_MS}, ${at}, ${at})`,
    );
    orderIds.push(orderId);
  }
  return orderIds;
}
