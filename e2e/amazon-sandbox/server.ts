import { createServer } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Seller } from "./types";
import type { Clock } from "./clock";
import { createClock } from "./clock";
import type { Store, Timing } from "./store";
import { createStore, addSeller } from "./store";
import type { FaultState } from "./faults";
import { createFaultState } from "./faults";
import type { Throttle } from "./throttle";
import { createThrottle } from "./throttle";
import type { IpnOptions, IpnSender } from "./ipn";
import { createIpnSender } from "./ipn";
import type { JsonReply } from "./lwa";
import { handleProfile, handleTokenInfo } from "./lwa";
import { handleMws } from "./mws-handler";
import { addFault, advanceClock, createCheckout, readLedger, setLatency, setThrottle } from "./control";
import { importHistory } from "./import-history";
import { signNotification } from "./sign-notification";
import { createStateSaver, readStateFile, restoreState, type StateSaver } from "./state-file";
import { restoreTimers } from "./restore-timers";

const KEY_PATH = fileURLToPath(new URL("./keys/ipn-signing-key.pem", import.meta.url));
const CERT_PATH = fileURLToPath(new URL("./keys/ipn-signing-cert.pem", import.meta.url));
const MAX_BODY_BYTES = 1024 * 1024;

export type SandboxOptions = {
  /** 0 = any free port. */
  port?: number;
  host?: string;
  sellers?: Seller[];
  ipn?: Partial<IpnOptions>;
  timing?: Partial<Timing>;
  /** Start the emulator clock at this epoch-ms instead of now. */
  clockStartAt?: number;
  /** Sandbox throttling quotas of §4.27 (off by default). */
  throttle?: boolean;
  /** Override the IPN signing key/certificate (PEM); defaults to keys/ in this folder. */
  ipnPrivateKeyPem?: string;
  ipnCertificatePem?: string;
  /**
   * Serve HTTPS instead of HTTP (PEM key + certificate). Official SDKs such as PHP's force
   * `https://` and port 443 even with an override URL, so proving them needs TLS.
   */
  tls?: { keyPem: string; certPem: string };
  /**
   * Keep the ledger in this JSON file: loaded at start (a missing file is an empty ledger, a
   * corrupt one an error), saved atomically shortly after every change and on close.
   */
  stateFile?: string;
  /** How long after a change the state file is written (changes in between share one write). */
  stateSaveDelayMs?: number;
};

export type Sandbox = {
  url: string;
  port: number;
  host: string;
  clock: Clock;
  store: Store;
  faults: FaultState;
  throttle: Throttle;
  ipn: IpnSender;
  ipnCertificatePem: string;
  addSeller(seller: Seller): void;
  /** Writes the state file now, if there is one and something changed. */
  saveState(): void;
  close(): Promise<void>;
};

export const DEFAULT_TIMING: Timing = {
  asyncAuthorizationMs: 5_000,
  refundMs: 30_000,
  pendingCaptureMs: 30_000,
  authorizationLifetimeMs: 2 * 24 * 60 * 60 * 1000,
};

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString("utf8")));
    req.on("error", () => resolve(undefined));
  });
}

function sendJson(res: ServerResponse, reply: JsonReply): void {
  const body = JSON.stringify(reply.body);
  res.writeHead(reply.status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

function parseJson(body: string): unknown {
  if (body.trim() === "") return {};
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? "127.0.0.1";
  const saved = options.stateFile ? readStateFile(options.stateFile) : undefined;
  // A restarted emulator goes on from the clock it had, so timestamps never run backwards.
  const clock = createClock({ startAt: options.clockStartAt ?? (saved ? Date.now() + Math.max(0, saved.clockOffsetMs) : undefined) });
  const timing: Timing = { ...DEFAULT_TIMING, ...options.timing };
  const privateKeyPem = options.ipnPrivateKeyPem ?? readFileSync(KEY_PATH, "utf8");
  const certificatePem = options.ipnCertificatePem ?? readFileSync(CERT_PATH, "utf8");
  let baseUrl = "";
  const ipn = createIpnSender({
    options: { maxAttempts: 4, retryBaseMs: 500, timeoutMs: 5_000, ...options.ipn },
    privateKeyPem,
    certUrl: () => `${baseUrl}/_sandbox/ipn-cert.pem`,
    now: clock.now,
    findSeller: (sellerId) => store.sellers.get(sellerId),
  });
  let saver: StateSaver | undefined;
  const store = createStore(clock, timing, options.sellers ?? [], (object) => {
    ipn.announce(object);
    saver?.schedule();
  });
  if (options.stateFile) {
    if (saved) {
      restoreState(store, saved);
      restoreTimers(store);
    }
    saver = createStateSaver(store, options.stateFile, options.stateSaveDelayMs ?? 100);
  }
  const faults = createFaultState();
  const throttle = createThrottle(options.throttle ?? false);

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://sandbox.invalid");
    const body = await readBody(req);
    if (body === undefined) {
      sendJson(res, { status: 413, body: { error: "body too large" } });
      return;
    }
    const path = url.pathname;
    if (path.startsWith("/OffAmazonPayments")) return handleMws({ store, faults, throttle }, req, res, url, body);
    if (req.method === "GET" && path === "/auth/o2/tokeninfo") return sendJson(res, handleTokenInfo(store, req, url));
    if (req.method === "GET" && path === "/user/profile") return sendJson(res, handleProfile(store, req, url));
    if (req.method === "GET" && path === "/_sandbox/ipn-cert.pem") {
      res.writeHead(200, { "content-type": "application/x-pem-file" });
      res.end(certificatePem);
      return;
    }
    const json = parseJson(body);
    if (json === undefined) return sendJson(res, { status: 400, body: { error: "body must be JSON" } });
    const key = `${req.method} ${path}`;
    switch (key) {
      case "POST /_sandbox/history":
        return sendJson(res, importHistory(store, json));
      case "POST /_sandbox/notifications":
        return sendJson(res, signNotification(store, json, { privateKeyPem, certUrl: `${baseUrl}/_sandbox/ipn-cert.pem` }));
      case "POST /_sandbox/checkouts":
        return sendJson(res, createCheckout(store, json));
      case "GET /_sandbox/ledger":
        return sendJson(res, readLedger(store, url.searchParams.get("sellerId")));
      case "POST /_sandbox/faults":
        return sendJson(res, addFault(faults, json));
      case "DELETE /_sandbox/faults":
        faults.faults = [];
        return sendJson(res, { status: 200, body: { faults: [] } });
      case "POST /_sandbox/latency":
        return sendJson(res, setLatency(faults, json));
      case "POST /_sandbox/clock":
        return sendJson(res, await advanceClock(store, json));
      case "POST /_sandbox/throttle":
        return sendJson(res, setThrottle(throttle, json));
      case "GET /_sandbox/ipn-deliveries":
        return sendJson(res, { status: 200, body: { deliveries: ipn.deliveries } });
      default:
        return sendJson(res, { status: 404, body: { error: `no route ${key}` } });
    }
  };

  const sockets = new Set<Socket>();
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    route(req, res)
      .catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, { status: 500, body: { error: String(error) } });
        else res.destroy();
      })
      // Requests other than GET may have changed the ledger (many changes announce no IPN).
      .finally(() => {
        if (req.method !== "GET") saver?.schedule();
      });
  };
  const server = options.tls ? createTlsServer({ key: options.tls.keyPem, cert: options.tls.certPem }, handle) : createServer(handle);
  server.keepAliveTimeout = 30_000;
  server.on(options.tls ? "secureConnection" : "connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `${options.tls ? "https" : "http"}://${host.includes(":") ? `[${host}]` : host}:${port}`;

  return {
    url: baseUrl,
    port,
    host,
    clock,
    store,
    faults,
    throttle,
    ipn,
    ipnCertificatePem: certificatePem,
    addSeller: (seller) => addSeller(store, seller),
    saveState: () => saver?.flush(),
    close: async () => {
      saver?.stop();
      ipn.stop();
      clock.stop();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
