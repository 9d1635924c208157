/**
 * Throughput of signed MWS requests over keep-alive: `npx tsx e2e/amazon-sandbox/bench.ts [seconds] [concurrency]`.
 * The emulator runs in this same process, so one core serves both the load and the emulator
 * (the number is therefore a lower bound for the emulator alone).
 */
import { Agent, request } from "node:http";
import { cpus } from "node:os";
import { encodeFormBody, signParameters } from "../../lib/amazon-pay/signature";
import { startSandbox } from "./server";
import type { Sandbox } from "./server";
import type { Seller } from "./types";

const SELLER: Seller = {
  sellerId: "A1BENCHSELLER1",
  accessKey: "AKIABENCH0001",
  secretKey: "bench-secret",
  clientId: "bench-client",
  clientSecret: "bench",
  region: "us",
};
const PATH = "/OffAmazonPayments_Sandbox/2013-01-01";
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function post(sandbox: Sandbox, action: string, params: Record<string, string>): Promise<number> {
  const all: Record<string, string> = {
    AWSAccessKeyId: SELLER.accessKey,
    Action: action,
    SellerId: SELLER.sellerId,
    SignatureMethod: "HmacSHA256",
    SignatureVersion: "2",
    Timestamp: new Date().toISOString(),
    Version: "2013-01-01",
    ...params,
  };
  all.Signature = signParameters(SELLER.secretKey, `127.0.0.1:${sandbox.port}`, PATH, all);
  const body = encodeFormBody(all);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: sandbox.port,
        path: PATH,
        method: "POST",
        agent,
        headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function openOrder(sandbox: Sandbox): Promise<string> {
  const response = await fetch(`${sandbox.url}/_sandbox/checkouts`, {
    method: "POST",
    body: JSON.stringify({ sellerId: SELLER.sellerId, type: "OrderReference" }),
  });
  const { amazonOrderReferenceId } = (await response.json()) as { amazonOrderReferenceId: string };
  await post(sandbox, "SetOrderReferenceDetails", {
    AmazonOrderReferenceId: amazonOrderReferenceId,
    "OrderReferenceAttributes.OrderTotal.Amount": "100000.00",
    "OrderReferenceAttributes.OrderTotal.CurrencyCode": "USD",
  });
  await post(sandbox, "ConfirmOrderReference", { AmazonOrderReferenceId: amazonOrderReferenceId });
  return amazonOrderReferenceId;
}

async function measure(label: string, seconds: number, concurrency: number, next: (i: number) => Promise<number>): Promise<number> {
  let done = 0;
  let failed = 0;
  const deadline = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        const status = await next(done + failed);
        if (status === 200) done += 1;
        else failed += 1;
      }
    }),
  );
  const rate = Math.round(done / ((Date.now() - started) / 1000));
  console.log(`${label}: ${rate} req/s (${done} ok, ${failed} failed, concurrency ${concurrency})`);
  return rate;
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 5);
  const concurrency = Number(process.argv[3] ?? 32);
  const sandbox = await startSandbox({ port: 0, sellers: [SELLER] });
  console.log(`Node ${process.version}, ${cpus()[0]?.model ?? "unknown CPU"}, single process`);
  await measure("GetServiceStatus", seconds, concurrency, () => post(sandbox, "GetServiceStatus", {}));
  // Ten authorizations per order reference (§6.6): prepare enough Open OROs up front.
  const orders: string[] = [];
  for (let batch = 0; batch < 200; batch++) orders.push(...(await Promise.all(Array.from({ length: 16 }, () => openOrder(sandbox)))));
  let issued = 0;
  await measure("Authorize (sync)", seconds, concurrency, () => {
    const n = issued++;
    const order = orders[Math.floor(n / 10) % orders.length];
    return post(sandbox, "Authorize", {
      AmazonOrderReferenceId: order,
      AuthorizationReferenceId: `bench-${n}`,
      "AuthorizationAmount.Amount": "1.00",
      "AuthorizationAmount.CurrencyCode": "USD",
      TransactionTimeout: "0",
    });
  });
  agent.destroy();
  await sandbox.close();
}

void main();
