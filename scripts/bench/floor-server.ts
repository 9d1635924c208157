/**
 * The benchmark's floor: the least a server can do for one Import Order. It parses the same
 * form body and makes the same four signed MWS calls as the app's one-time charge
 * (lib/orders/charge-with-amazon.ts) with the same client, and nothing else: no framework,
 * no database, no API-user check, no cap, no gateway-call storage. The app's throughput is
 * reported as a ratio to this.
 *
 * Run by orders-bench.ts as its own process: FLOOR_PORT, FLOOR_SANDBOX_URL and FLOOR_SELLER
 * (JSON {sellerId, accessKey, secretKey, region}) in the environment.
 */
import { createServer, type IncomingMessage } from "node:http";
import { createAmazonPayClient } from "../../lib/amazon-pay";

type FloorSeller = { sellerId: string; accessKey: string; secretKey: string; region: "US" | "UK" | "DE" | "JP" };

const port = Number(process.env.FLOOR_PORT);
const seller = JSON.parse(process.env.FLOOR_SELLER ?? "{}") as FloorSeller;
// The demo product's price: 39.95 + 4.95 shipping, the same amount the app authorizes.
const AMOUNT = { amountMinor: 4490, currency: "USD" };

const client = createAmazonPayClient({ ...seller, sandbox: true, endpointOverride: process.env.FLOOR_SANDBOX_URL });
let sequence = 0;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString()));
    req.on("error", reject);
  });
}

async function chargeOrder(fields: URLSearchParams): Promise<{ orderId: string; state: string }> {
  const amazonOrderReferenceId = fields.get("amazonOrderId") ?? "";
  const accessToken = fields.get("amazonAddressConsent") ?? undefined;
  // Unique across floor processes too, since the emulator keeps reference ids per seller.
  const orderId = `floor-${process.pid}-${++sequence}`;
  await client.getOrderReferenceDetails({ amazonOrderReferenceId, accessToken });
  await client.setOrderReferenceDetails({ amazonOrderReferenceId, orderTotal: AMOUNT, sellerOrderId: orderId, storeName: "GlowSkin" });
  await client.confirmOrderReference({ amazonOrderReferenceId });
  const { authorization } = await client.authorize({
    amazonOrderReferenceId,
    authorizationReferenceId: orderId,
    authorizationAmount: AMOUNT,
    transactionTimeout: 0,
    captureNow: true,
    softDescriptor: "AMZ*GLOWSKIN",
  });
  return { orderId, state: authorization.status.state };
}

const server = createServer((req, res) => {
  const answer = (status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  if (req.method !== "POST") return answer(200, { result: "SUCCESS", message: "floor" });
  readBody(req)
    .then((text) => chargeOrder(new URLSearchParams(text)))
    .then(({ orderId, state }) => {
      // CaptureNow with a synchronous authorization ends Closed (captured) unless declined.
      if (state === "Declined") answer(200, { result: "ERROR", message: `declined (${orderId})` });
      else answer(200, { result: "SUCCESS", message: { orderId, orderStatus: "COMPLETE" } });
    })
    .catch((error: unknown) => answer(500, { result: "ERROR", message: error instanceof Error ? error.message : "failed" }));
});

server.keepAliveTimeout = 30_000;
server.listen(port, "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
