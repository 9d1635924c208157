import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_API_USER, DEMO_ATTACKER_SELLER } from "../scripts/demo-seed/seed-demo";
import { authorizeWithReference, createForeignSellerClient, refundDeclinedWithReference } from "../lib/testing/foreign-seller";
import { signInAs } from "./support/accounts";
import { createCheckout, createSellerCheckout, SANDBOX_URL, sandboxControl } from "./support/sandbox";

async function importOrder(request: APIRequestContext): Promise<{ orderId: number; orderStatus?: string; code?: string }> {
  const checkout = await createCheckout(0);
  const answer = await request.post("/api/order/import", {
    form: {
      loginId: DEMO_API_USER.loginId,
      password: DEMO_API_USER.password,
      campaignId: "1",
      product1_id: "1",
      amazonBillerId: "1",
      amazonOrderId: checkout.amazonOrderId,
      amazonAddressConsent: checkout.accessToken,
    },
  });
  const body = (await answer.json()) as { result: string; code?: string; orderId?: number; message: { orderId: number; orderStatus: string } | string };
  return typeof body.message === "string"
    ? { orderId: body.orderId ?? 0, code: body.code }
    : { orderId: body.message.orderId, orderStatus: body.message.orderStatus };
}

async function expectOrder(page: Page, orderId: number, status: RegExp, refundStatus?: string) {
  await page.goto(`/orders/${orderId}`);
  await expect(page.getByRole("heading", { name: /Order #/ })).toContainText(status);
  if (refundStatus) await expect(page.getByRole("table", { name: "Transactions" }).getByRole("row", { name: /Refund/ })).toContainText(refundStatus);
}

test("another merchant's genuinely signed IPNs naming our reference ids change nothing, and the inbox says why", async ({ page, request }) => {
  test.setTimeout(120_000);
  const attacker = createForeignSellerClient(DEMO_ATTACKER_SELLER, SANDBOX_URL);

  // Our unpaid order: its Authorize never reached Amazon, so it waits PENDING for the reconciler.
  await sandboxControl("POST", "/_sandbox/faults", { action: "Authorize", mode: "500", count: 4 });
  const pending = await importOrder(request);
  await sandboxControl("DELETE", "/_sandbox/faults");
  expect(pending.code).toBe("ORDER_PENDING");
  const paid = await importOrder(request);
  expect(paid.orderStatus).toBe("COMPLETE");

  // The attacker charges 1.00 on its own checkout with our reference id, then refunds it with the
  // reference id our next refund of the paid order will have, and has Amazon decline that refund.
  const ownOrderReference = (await createSellerCheckout(DEMO_ATTACKER_SELLER.sellerId)).amazonOrderId;
  const charge = await authorizeWithReference(attacker, {
    amazonOrderReferenceId: ownOrderReference,
    referenceId: `mc-${pending.orderId}-a1`,
    amount: { amountMinor: 100, currency: "USD" },
  });
  await refundDeclinedWithReference(attacker, {
    amazonCaptureId: charge.captureIds[0],
    referenceId: `mc-${paid.orderId}-r1`,
    amount: { amountMinor: 100, currency: "USD" },
  });
  await signInAs(page, "admin");
  // Refunds settle 30 s after they were asked for: move the clock so the attacker's is due first.
  await sandboxControl("POST", "/_sandbox/clock", { advanceMinutes: 20 / 60 });
  const refund = await request.post("/api/order/refund", {
    form: { loginId: DEMO_API_USER.loginId, password: DEMO_API_USER.password, orderId: String(paid.orderId), refundAmount: "10.00", reason: "Damaged" },
  });
  expect(await refund.json()).toMatchObject({ result: "SUCCESS", message: { refundStatus: "PENDING" } });
  await sandboxControl("POST", "/_sandbox/clock", { advanceMinutes: 15 / 60 });

  // Amazon delivered the attacker's notifications to us, signed: each one refused as unknown seller.
  await page.goto("/ipn?show=unknown-seller");
  const events = page.getByRole("table", { name: "IPN events" });
  await expect(async () => {
    await page.reload();
    await expect(events.getByRole("row", { name: /PaymentRefund/ })).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  for (const type of ["PaymentAuthorize", "PaymentCapture", "PaymentRefund"]) {
    const row = events.getByRole("row", { name: new RegExp(type) }).first();
    await expect(row).toContainText("Unknown seller");
    await expect(row).toContainText(`unknown seller ${DEMO_ATTACKER_SELLER.sellerId}: no MID has this Seller ID`);
    await expect(row.getByRole("link", { name: /^#\d+$/ })).toHaveCount(0);
  }
  await expect(page.getByRole("link", { name: "Unknown seller" })).toHaveAttribute("aria-current", "page");

  await expectOrder(page, pending.orderId, /Pending/);
  await expectOrder(page, paid.orderId, /Completed/, "Pending");

  // Our own refund still completes from our own seller's IPN.
  await sandboxControl("POST", "/_sandbox/clock", { advanceMinutes: 1 });
  await expect(async () => {
    await expectOrder(page, paid.orderId, /Partially refunded/, "Completed");
  }).toPass({ timeout: 15_000 });
  await expectOrder(page, pending.orderId, /Pending/);
});
