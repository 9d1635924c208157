/**
 * CLI: `npm run sandbox -- --port 8484 --sellers sellers.json [--state-file data/sandbox-state.json]`.
 * Without --sellers one demo seller is created and its keys are printed. With --state-file (or
 * SANDBOX_STATE_FILE) the ledger survives restarts.
 */
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { startSandbox } from "./server";
import type { Seller } from "./types";

const sellerSchema = z.object({
  sellerId: z.string().min(1),
  accessKey: z.string().min(1),
  secretKey: z.string().min(1),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  region: z.enum(["us", "uk", "de", "jp", "US", "UK", "DE", "JP"]),
  ipnUrl: z.string().url().optional(),
});

function readFlag(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index >= 0) return args[index + 1];
  const inline = args.find((arg) => arg.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

function createDemoSeller(): Seller {
  return {
    sellerId: "A1DEMOSELLER01",
    accessKey: `AKIADEMO${randomBytes(6).toString("hex").toUpperCase()}`,
    secretKey: randomBytes(30).toString("base64"),
    clientId: "amzn1.application-oa2-client.demo0000000000000000000000000000",
    clientSecret: randomBytes(32).toString("hex"),
    region: "us",
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const port = Number(readFlag(args, "--port") ?? process.env.SANDBOX_PORT ?? 8484);
  const host = readFlag(args, "--host") ?? "127.0.0.1";
  const sellersPath = readFlag(args, "--sellers");
  const sellers = sellersPath ? z.array(sellerSchema).parse(JSON.parse(readFileSync(sellersPath, "utf8"))) : [createDemoSeller()];
  const stateFile = readFlag(args, "--state-file") ?? (process.env.SANDBOX_STATE_FILE || undefined);
  const sandbox = await startSandbox({ port, host, sellers, throttle: args.includes("--throttle"), stateFile });
  console.log(`Amazon Pay sandbox emulator on ${sandbox.url}`);
  if (stateFile) console.log(`  State: ${stateFile} (${sandbox.store.objects.size} objects loaded)`);
  console.log(`  MWS:   ${sandbox.url}/OffAmazonPayments_Sandbox/2013-01-01`);
  console.log(`  LWA:   ${sandbox.url}/auth/o2/tokeninfo, ${sandbox.url}/user/profile`);
  console.log(`  IPN certificate (pin via AMAZON_IPN_CERT_PEM): ${sandbox.url}/_sandbox/ipn-cert.pem`);
  if (!sellersPath) console.log(`Demo seller:\n${JSON.stringify(sellers[0], null, 2)}`);
  else console.log(`Sellers: ${sellers.map((s) => s.sellerId).join(", ")}`);
  const shutdown = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
    console.error(
      `The emulator's port is in use (${(error as Error).message}): another demo or emulator runs there. Choose another with --port or SANDBOX_PORT.`,
    );
    process.exit(1);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
