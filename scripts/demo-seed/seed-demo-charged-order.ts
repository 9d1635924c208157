import { sql } from "drizzle-orm";
import { executeSql, runTransaction, selectRows, type Db } from "@/db/client";
import { monthKey } from "@/lib/money/calendar";

export type SeededProduct = {
  id: number;
  campaignId: number;
  name: string;
  sku: string;
  priceMinor: number;
  shippingMinor: number;
  billingType: string;
  currency: string;
};

export type SeededCharge = {
  product: SeededProduct;
  midId: number;
  at: number;
  buyer: { first: string; last: string; email: string };
  /** Distinct per charge: the ids below are derived from it. */
  serial: number;
  billingAgreementId?: string;
};

function pad(n: number, width: number): string {
  return String(n % 10 ** width).padStart(width, "0");
}

/** Sandbox-shaped Amazon ids (S01-…-A/C + 6 digits, C01-… for billing agreements) that the generated history never uses. */
export function seededAmazonIds(serial: number) {
  const oro = `S01-7${pad(serial, 6)}-${pad(serial * 7919, 7)}`;
  return {
    oro,
    authorization: `${oro}-A${pad(serial, 6)}`,
    capture: `${oro}-C${pad(serial, 6)}`,
    billingAgreement: `C01-7${pad(serial, 6)}-${pad(serial * 104_729, 7)}`,
  };
}

export async function readSeedProduct(db: Db, sku: string): Promise<SeededProduct> {
  const [product] = await selectRows<SeededProduct>(
    db,
    sql`select p.id, p.campaign_id as "campaignId", p.name, p.sku, p.price_minor as "priceMinor", p.shipping_minor as "shippingMinor", p.billing_type as "billingType", c.currency from campaign_products p join campaigns c on c.id = p.campaign_id where p.sku = ${sku}`,
  );
  if (!product) throw new Error(`demo product ${sku} missing`);
  return product;
}

/**
 * One charged (COMPLETE) order written straight into the tables like the generated history:
 * customer, order, item, a successful SALE with its Amazon ids, and the MID's monthly volume.
 * The emulator learns the same ids from the demo (see seed-demo-ledger.ts). A few dozen per
 * seed, so plain portable statements rather than generate-history's fast paths.
 */
export async function insertChargedOrder(db: Db, charge: SeededCharge): Promise<number> {
  const { product, buyer, at } = charge;
  const ids = seededAmazonIds(charge.serial);
  const total = product.priceMinor + product.shippingMinor;
  return runTransaction(db, async (tx) => {
    await executeSql(
      tx,
      sql`insert into customers (email, first_name, last_name, phone, created_at, updated_at) values (${buyer.email}, ${buyer.first}, ${buyer.last}, '5555550100', ${at}, ${at}) on conflict (email) do nothing`,
    );
    const [customer] = await selectRows<{ id: number }>(tx, sql`select id from customers where email = ${buyer.email}`);
    const [order] = await selectRows<{ id: number }>(
      tx,
      sql`insert into orders (campaign_id, customer_id, mid_id, amazon_order_reference_id, amazon_billing_agreement_id, status, currency, subtotal_minor, shipping_minor, total_minor, source, email, first_name, last_name, phone, ship_name, ship_address1, ship_city, ship_state, ship_postal_code, ship_country, ip_address, created_at, updated_at)
        values (${product.campaignId}, ${customer.id}, ${charge.midId}, ${ids.oro}, ${charge.billingAgreementId ?? null}, 'COMPLETE', ${product.currency}, ${product.priceMinor}, ${product.shippingMinor}, ${total}, 'api', ${buyer.email}, ${buyer.first}, ${buyer.last}, '5555550100', ${`${buyer.first} ${buyer.last}`}, '410 Terry Ave N', 'Seattle', 'WA', '98109', 'US', '203.0.113.7', ${at}, ${at})
        returning id`,
    );
    const orderId = order.id;
    await executeSql(
      tx,
      sql`insert into order_items (order_id, product_id, name, sku, quantity, unit_price_minor, shipping_minor, billing_type) values (${orderId}, ${product.id}, ${product.name}, ${product.sku}, 1, ${product.priceMinor}, ${product.shippingMinor}, ${product.billingType})`,
    );
    const month = monthKey(new Date(at));
    await executeSql(
      tx,
      sql`insert into transactions (order_id, campaign_id, mid_id, type, status, amount_minor, currency, reference_id, amazon_order_reference_id, amazon_billing_agreement_id, amazon_authorization_id, amazon_capture_id, amazon_state, cap_month, created_at, updated_at)
        values (${orderId}, ${product.campaignId}, ${charge.midId}, 'SALE', 'SUCCESS', ${total}, ${product.currency}, ${`demo-${orderId}-a1`}, ${ids.oro}, ${charge.billingAgreementId ?? null}, ${ids.authorization}, ${ids.capture}, 'Closed', ${month}, ${at}, ${at})`,
    );
    if (month === monthKey(new Date())) {
      await executeSql(
        tx,
        sql`insert into mid_monthly_usage (mid_id, month, captured_minor, refunded_minor, reserved_minor) values (${charge.midId}, ${month}, ${total}, 0, 0) on conflict (mid_id, month) do update set captured_minor = mid_monthly_usage.captured_minor + excluded.captured_minor`,
      );
    }
    return orderId;
  });
}
