import { SANDBOX_PORT } from "../../playwright.config";
import { DEMO_SELLERS } from "../../scripts/demo-seed/seed-demo";

export const SANDBOX_URL = `http://127.0.0.1:${SANDBOX_PORT}`;

/** A buyer checkout at the emulator, as Amazon's widgets would create on a lander. */
export async function createCheckout(
  sellerIndex = 0,
  type: "OrderReference" | "BillingAgreement" = "OrderReference",
  buyer = { name: "Lara Lander", email: "lara.lander@example.com" },
) {
  return createSellerCheckout(DEMO_SELLERS[sellerIndex].sellerId, type, buyer);
}

/** The same for any seller the emulator knows, a MID here or not. */
export async function createSellerCheckout(
  sellerId: string,
  type: "OrderReference" | "BillingAgreement" = "OrderReference",
  buyer = { name: "Lara Lander", email: "lara.lander@example.com" },
) {
  const response = await fetch(`${SANDBOX_URL}/_sandbox/checkouts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sellerId, type, buyer }),
  });
  if (!response.ok) throw new Error(`checkout failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { amazonOrderReferenceId?: string; amazonBillingAgreementId?: string; accessToken: string };
  return { amazonOrderId: (body.amazonOrderReferenceId ?? body.amazonBillingAgreementId) as string, accessToken: body.accessToken };
}

export async function sandboxControl(method: string, route: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${SANDBOX_URL}${route}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json();
}
