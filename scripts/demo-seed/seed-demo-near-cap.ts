import { sql } from "drizzle-orm";
import { selectRows, type Db } from "@/db/client";
import { insertChargedOrder, readSeedProduct } from "./seed-demo-charged-order";
import { startOfMonthMs } from "@/lib/money/calendar";

const BUYERS = ["Ada", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana"];

/**
 * Sales on the promotion MID spread over this month so far, until its net volume passes
 * `percent` of its cap: the overview and MID list then show its cap alert.
 */
export async function seedNearCapOrders(db: Db, midId: number, options: { percent: number; firstSerial: number; now?: number }): Promise<number> {
  const now = options.now ?? Date.now();
  const [mid] = await selectRows<{ capMinor: number }>(db, sql`select monthly_cap_minor as "capMinor" from mids where id = ${midId}`);
  const product = await readSeedProduct(db, "GS-SERUM-30");
  const total = product.priceMinor + product.shippingMinor;
  const count = Math.ceil((mid.capMinor * options.percent) / 100 / total);
  const from = startOfMonthMs(new Date(now));
  const span = Math.max(60_000, now - 60_000 - from);
  for (let i = 0; i < count; i++) {
    const first = BUYERS[i % BUYERS.length];
    const email = `${first}.promo.${i + 1}@example.com`.toLowerCase();
    await insertChargedOrder(db, {
      product,
      midId,
      at: from + Math.floor(((i + 0.5) / count) * span),
      serial: options.firstSerial + i,
      buyer: { first, last: "Promo", email },
    });
  }
  return count;
}
