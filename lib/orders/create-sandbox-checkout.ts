import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mids } from "@/db/schema";
import { DomainError } from "@/lib/errors";

/**
 * Asks the sandbox emulator (when AMAZON_PAY_ENDPOINT_OVERRIDE points at one) for a buyer
 * checkout, as if a buyer had just used Amazon's widgets: an ORO or BA id and an access token.
 */
export async function createSandboxCheckout(
  db: Db,
  midId: number,
  type: "OrderReference" | "BillingAgreement",
): Promise<{ amazonOrderId: string; accessToken: string }> {
  const base = process.env.AMAZON_PAY_ENDPOINT_OVERRIDE;
  if (!base) throw new DomainError("Sandbox checkouts need the emulator (AMAZON_PAY_ENDPOINT_OVERRIDE is not set).");
  const [mid] = await db.select().from(mids).where(eq(mids.id, midId));
  if (!mid) throw new DomainError("Choose a MID first.");
  if (!mid.testMode) throw new DomainError("Sandbox checkouts are for test-mode MIDs only.");
  const response = await fetch(new URL("/_sandbox/checkouts", base), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sellerId: mid.merchantId, type }),
    signal: AbortSignal.timeout(5_000),
  }).catch(() => null);
  if (!response?.ok) throw new DomainError(`The sandbox emulator did not create a checkout${response ? ` (HTTP ${response.status})` : ""}.`);
  const body = (await response.json()) as { amazonOrderReferenceId?: string; amazonBillingAgreementId?: string; accessToken?: string };
  const amazonOrderId = body.amazonOrderReferenceId ?? body.amazonBillingAgreementId;
  if (!amazonOrderId || !body.accessToken) throw new DomainError("The sandbox emulator answered without an id or token.");
  return { amazonOrderId, accessToken: body.accessToken };
}
