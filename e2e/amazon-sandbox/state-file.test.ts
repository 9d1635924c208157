import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Sandbox } from "./server";
import { readStateFile, writeStateFile, type SavedState } from "./state-file";
import { SELLER, advanceMinutes, authorizeSync, callMws, control, createOpenOrder, pick, startTestSandbox } from "./test-helpers";

const open: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((sandbox) => sandbox.close()));
});

async function start(stateFile: string): Promise<Sandbox> {
  const sandbox = await startTestSandbox({ stateFile, stateSaveDelayMs: 10 });
  open.push(sandbox);
  return sandbox;
}

const refundDetails = (response: { doc: unknown }, action = "Refund") =>
  (response.doc as Record<string, Record<string, Record<string, unknown>>>)[`${action}Response`][`${action}Result`].RefundDetails;

describe("state file", () => {
  it("an order placed before a restart can be refunded after it, and the refund completes on the restored timer", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "sandbox-state-")), "state.json");
    const first = await start(file);
    const oro = await createOpenOrder(first, "30.00");
    const auth = await authorizeSync(first, oro, "persist-a1", "30.00", { CaptureNow: "true" });
    const [captureId] = JSON.parse(pick(auth.doc, "AuthorizeResponse", "AuthorizeResult", "AuthorizationDetails", "IdList", "member")) as string[];
    await first.close();
    open.splice(open.indexOf(first), 1);

    const second = await start(file);
    const refund = await callMws(second, "Refund", {
      AmazonCaptureId: captureId,
      RefundReferenceId: "persist-r1",
      "RefundAmount.Amount": "5.00",
      "RefundAmount.CurrencyCode": "USD",
    });
    expect(refund.status, refund.xml).toBe(200);
    const refundId = pick(refundDetails(refund), "AmazonRefundId");
    // The refund is pending when the emulator stops again; the restarted one still completes it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await second.close();
    open.splice(open.indexOf(second), 1);

    const third = await start(file);
    await advanceMinutes(third, 1);
    const details = await callMws(third, "GetRefundDetails", { AmazonRefundId: refundId });
    expect(pick(refundDetails(details, "GetRefundDetails"), "RefundStatus", "State")).toBe("Completed");
    const capture = await callMws(third, "GetCaptureDetails", { AmazonCaptureId: captureId });
    expect(pick(capture.doc, "GetCaptureDetailsResponse", "GetCaptureDetailsResult", "CaptureDetails", "RefundedAmount", "Amount")).toBe("5.00");
    // The reference id stays taken across restarts, as at Amazon.
    const reused = await callMws(third, "Refund", {
      AmazonCaptureId: captureId,
      RefundReferenceId: "persist-r1",
      "RefundAmount.Amount": "6.00",
      "RefundAmount.CurrencyCode": "USD",
    });
    expect(pick(reused.doc, "ErrorResponse", "Error", "Code")).toBe("DuplicateReferenceId");
  });

  it("keeps the clock it was moved to", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "sandbox-state-")), "state.json");
    const first = await start(file);
    await advanceMinutes(first, 120);
    await createOpenOrder(first);
    const movedTo = first.clock.now();
    await first.close();
    open.splice(open.indexOf(first), 1);
    const second = await start(file);
    expect(second.clock.now()).toBeGreaterThanOrEqual(movedTo);
  });

  it("writes atomically: the file is replaced whole and no temporary file stays behind", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sandbox-state-"));
    const file = path.join(dir, "state.json");
    const state: SavedState = {
      version: 1,
      savedAt: new Date().toISOString(),
      clockOffsetMs: 0,
      objects: [],
      referenceIds: [["A|r1", "S01-1-A1"]],
      accessTokens: [],
    };
    writeStateFile(file, state);
    writeStateFile(file, { ...state, referenceIds: [] });
    expect(readdirSync(dir)).toEqual(["state.json"]);
    expect(readStateFile(file)).toEqual({ ...state, referenceIds: [] });
    // A write that fails (here: the object cannot be serialized) leaves the previous file intact.
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => writeStateFile(file, { ...state, objects: [circular as never] })).toThrow();
    expect(readdirSync(dir)).toEqual(["state.json"]);
    expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ version: 1, referenceIds: [] });
  });

  it("a missing file is an empty ledger; a corrupt one stops the start with a message naming the file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sandbox-state-"));
    expect(readStateFile(path.join(dir, "none.json"))).toBeUndefined();
    const broken = path.join(dir, "broken.json");
    writeFileSync(broken, '{"version":1,"objects":[');
    await expect(startTestSandbox({ stateFile: broken })).rejects.toThrow(`Sandbox state file ${broken} is not valid JSON`);
    const wrong = path.join(dir, "wrong.json");
    writeFileSync(
      wrong,
      JSON.stringify({ version: 1, savedAt: "x", clockOffsetMs: 0, objects: [{ kind: "Banana", id: "1" }], referenceIds: [], accessTokens: [] }),
    );
    expect(() => readStateFile(wrong)).toThrow(/is not a saved emulator state: .*objects.*Delete it to start the emulator with an empty ledger/s);
  });
});

describe("history import", () => {
  it("a charge the emulator never saw becomes refundable under its own ids, and importing it again changes nothing", async () => {
    const sandbox = await startTestSandbox();
    open.push(sandbox);
    const charge = {
      sellerId: SELLER.sellerId,
      orderReferenceId: "S01-1000001-1234567",
      authorizationId: "S01-1000001-1234567-A000001",
      authorizationReferenceId: "hist-1-a1",
      captureId: "S01-1000001-1234567-C000001",
      captureReferenceId: "hist-1-a1",
      amountMinor: 4490,
      currency: "USD",
      createdAt: Date.now() - 86_400_000,
      refunds: [{ refundId: "S01-1000001-1234567-R000001", referenceId: "hist-1-r1", amountMinor: 2000, createdAt: Date.now() - 3_600_000 }],
    };
    expect((await control(sandbox, "POST", "/_sandbox/history", { charges: [charge] })).body).toEqual({ created: 1, skipped: 0 });
    expect((await control(sandbox, "POST", "/_sandbox/history", { charges: [charge] })).body).toEqual({ created: 0, skipped: 1 });
    const tooMuch = await callMws(sandbox, "Refund", {
      AmazonCaptureId: charge.captureId,
      RefundReferenceId: "mc-1-r2",
      "RefundAmount.Amount": "40.00",
      "RefundAmount.CurrencyCode": "USD",
    });
    expect(pick(tooMuch.doc, "ErrorResponse", "Error", "Code")).toBe("TransactionAmountExceeded");
    const refund = await callMws(sandbox, "Refund", {
      AmazonCaptureId: charge.captureId,
      RefundReferenceId: "mc-1-r2",
      "RefundAmount.Amount": "24.90",
      "RefundAmount.CurrencyCode": "USD",
    });
    expect(pick(refundDetails(refund), "RefundStatus", "State")).toBe("Pending");
    expect((await control(sandbox, "POST", "/_sandbox/history", { charges: [{ ...charge, sellerId: "A0NOBODY" }] })).status).toBe(400);
  });
});
