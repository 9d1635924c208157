import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { createMid } from "@/lib/mids/save-mid";
import { parseMidForm } from "@/lib/mids/parse-mid-form";
import type { MidDto } from "@/lib/mids/mid-dto";

let sequence = 0;

/** A valid test-mode MID built through the real form parser; override any form field. */
export async function createTestMid(db: Db, actor: Actor, fields: Record<string, string> = {}): Promise<MidDto> {
  sequence += 1;
  const n = String(sequence).padStart(4, "0");
  const parsed = parseMidForm(
    {
      title: `Test MID ${n}`,
      merchant_id: `A1TESTSELLER${n}`,
      access_key: `AKIATESTACCESSK${n}0`.slice(0, 20),
      secret_key: `testSecretKey${n}`.padEnd(40, "x"),
      client_id: `amzn1.application-oa2-client.${n.padStart(32, "0")}`,
      region: "US",
      currency: "USD",
      test_mode: "on",
      descriptor: "AMZ*TEST",
      customer_service_phone: "+1 800 555 0100",
      monthly_cap: "1000.00",
      enabled: "on",
      ...fields,
    },
    "create",
  );
  if (!parsed.ok) throw new Error(`test MID invalid: ${JSON.stringify(parsed.fieldErrors)}`);
  return createMid(db, actor, parsed.input);
}
