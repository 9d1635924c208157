import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Sandbox } from "@/e2e/amazon-sandbox/server";
import type { Seller } from "@/e2e/amazon-sandbox/types";

type HeldAnswer = { release: () => void };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => resolve(body));
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * Holds back what Amazon sends, so a test can deliver it in any order: the emulator's signed
 * IPNs (the seller's IPN URL points here; nothing is applied until the test posts them) and the
 * answer to one Authorize. That request reaches the emulator at once, so Amazon has acted and
 * its IPNs are out, but our client gets the answer only when the test releases it. Everything
 * else passes through unchanged (the Host header too: it is part of the signature).
 */
export async function holdAmazonMessages(sandbox: Sandbox, seller: Seller) {
  const ipns: string[] = [];
  const collector = createServer(async (req, res) => {
    ipns.push(await readBody(req));
    res.writeHead(200).end();
  });
  sandbox.addSeller({ ...seller, ipnUrl: `${await listen(collector)}/ipn` });

  const target = new URL(sandbox.url);
  let armed: ((held: HeldAnswer) => void) | null = null;
  const proxy = createServer(async (req, res) => {
    const body = await readBody(req);
    const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, async (answer) => {
      const text = await readBody(answer);
      const send = () => res.writeHead(answer.statusCode ?? 502, answer.headers).end(text);
      const hold = armed;
      if (hold && /(^|&)Action=(Authorize|AuthorizeOnBillingAgreement)(&|$)/.test(body)) {
        armed = null;
        hold({ release: send });
      } else send();
    });
    upstream.end(body);
  });
  const previousEndpoint = process.env.AMAZON_PAY_ENDPOINT_OVERRIDE;
  process.env.AMAZON_PAY_ENDPOINT_OVERRIDE = await listen(proxy);

  return {
    /** Resolves once the next Authorize has been answered by the emulator and held here. */
    holdNextAuthorize(): Promise<HeldAnswer> {
      return new Promise((resolve) => (armed = resolve));
    },
    /** Every IPN the emulator has sent since the last call, once all are delivered. */
    async takeIpns(): Promise<string[]> {
      await sandbox.ipn.idle();
      return ipns.splice(0);
    },
    async close() {
      process.env.AMAZON_PAY_ENDPOINT_OVERRIDE = previousEndpoint;
      for (const server of [collector, proxy]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  };
}

export type AmazonMessageHold = Awaited<ReturnType<typeof holdAmazonMessages>>;
