/** What a lander does in the PostgreSQL specs: a buyer checkout at the emulator, then Import Order at one app process. */
import { DEMO_API_USER, DEMO_SELLERS } from "../../scripts/demo-seed/seed-demo";
import type { Sandbox } from "../amazon-sandbox/server";

export type Checkout = { amazonOrderReferenceId: string; accessToken: string };
export type ImportAnswer = { status: number; body: { result?: string; code?: string; message?: { orderId?: number; orderStatus?: string } | string } };

export async function createCheckouts(sandbox: Sandbox, count: number, sellerId = DEMO_SELLERS[0].sellerId): Promise<Checkout[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const response = await fetch(`${sandbox.url}/_sandbox/checkouts`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ sellerId, type: "OrderReference" }),
      });
      if (!response.ok) throw new Error(`checkout failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as Checkout;
    }),
  );
}

/** Import Order of one product on MID 1 (campaign 1's serum unless told); a connection cut off answers status 0. */
export async function importOrder(
  baseUrl: string,
  checkout: Checkout,
  item: { campaignId: number; productId: number } = { campaignId: 1, productId: 1 },
): Promise<ImportAnswer> {
  try {
    const response = await fetch(`${baseUrl}/api/order/import`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        loginId: DEMO_API_USER.loginId,
        password: DEMO_API_USER.password,
        campaignId: String(item.campaignId),
        product1_id: String(item.productId),
        amazonBillerId: "1",
        amazonOrderId: checkout.amazonOrderReferenceId,
        amazonAddressConsent: checkout.accessToken,
      }),
    });
    return { status: response.status, body: (await response.json()) as ImportAnswer["body"] };
  } catch {
    return { status: 0, body: {} };
  }
}

export async function setEmulatorLatency(sandbox: Sandbox, ms: number, jitterMs = 0): Promise<void> {
  await fetch(`${sandbox.url}/_sandbox/latency`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ms, jitterMs }) });
}

type LedgerObject = { type: string; id: string; state: string; parentId: string | null; referenceId?: string };

export async function readLedger(sandbox: Sandbox, sellerId = DEMO_SELLERS[0].sellerId): Promise<LedgerObject[]> {
  const ledger = (await (await fetch(`${sandbox.url}/_sandbox/ledger?sellerId=${sellerId}`)).json()) as { objects: LedgerObject[] };
  return ledger.objects;
}
