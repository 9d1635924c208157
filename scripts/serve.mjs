/**
 * `npm start`: the production server. Next's own server fills in X-Forwarded-For with the socket
 * address only when a request has none, so inside the app a header the client wrote looks exactly
 * like a real one. This wrapper decides the client address from the socket and TRUST_PROXY before
 * Next sees the request and hands it over in a header the client cannot forge.
 * It also gives each request its id (X-Request-Id, kept from the caller or generated) for the log,
 * and stops gracefully on SIGTERM/SIGINT: no new connections, requests in flight finish (up to
 * SHUTDOWN_TIMEOUT_MS, default 10 s), then the job loop stops and releases its leases and the
 * database is closed; exit 0, or 1 when requests had to be cut off at the deadline.
 * Options as for `next start`: `-p/--port` (or PORT, default 3000), `-H/--hostname` (default: every interface).
 */
import http from "node:http";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { CLIENT_ADDRESS_TOKEN_ENV, createClientAddressStamp, describeTrustProxy, parseTrustProxy } from "../lib/auth/trust-proxy.mjs";
import { runShutdownHooks } from "../lib/lifecycle/shutdown-hooks.mjs";
import { log } from "../lib/log/logger.mjs";
import { chooseRequestId, REQUEST_ID_HEADER, runWithRequestId } from "../lib/log/request-id.mjs";

function fail(message) {
  log.fatal(message);
  process.exit(1);
}

let values;
try {
  ({ values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } }));
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)} (options: -p/--port, -H/--hostname)`);
}
const portText = values.port ?? process.env.PORT ?? "3000";
const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
if (!(port >= 0 && port <= 65535)) fail(`port: "${portText}" is not a port number (0-65535).`);
const hostname = values.hostname;
const shutdownText = process.env.SHUTDOWN_TIMEOUT_MS ?? "10000";
const shutdownTimeoutMs = /^\d{1,7}$/.test(shutdownText) ? Number(shutdownText) : NaN;
if (Number.isNaN(shutdownTimeoutMs)) fail(`SHUTDOWN_TIMEOUT_MS: "${shutdownText}" is not a number of milliseconds (0-9999999).`);

let trust;
try {
  trust = parseTrustProxy(process.env.TRUST_PROXY);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const token = randomBytes(24).toString("base64url");
process.env[CLIENT_ADDRESS_TOKEN_ENV] = token;
// React and Next choose their production builds from NODE_ENV when first loaded, hence the late import.
process.env.NODE_ENV = "production";
const { default: next } = await import("next");

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const stampClientAddress = createClientAddressStamp({ trust, token });
const inFlight = new Set();
let stopping = false;

const server = http.createServer((req, res) => {
  const requestId = chooseRequestId(req.headers[REQUEST_ID_HEADER]);
  req.headers[REQUEST_ID_HEADER] = requestId;
  res.setHeader("X-Request-Id", requestId);
  // A request that came on a kept-alive connection while stopping is served, and its connection closed.
  if (stopping) res.setHeader("Connection", "close");
  inFlight.add(res);
  res.on("close", () => {
    inFlight.delete(res);
    if (stopping) server.closeIdleConnections();
  });
  runWithRequestId(requestId, () => {
    stampClientAddress(req);
    handle(req, res).catch((error) => {
      log.error({ err: error }, "request failed");
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
});

server.listen(port, hostname, () => {
  const address = server.address();
  const shown = typeof address === "object" && address ? `${hostname ?? "every interface"}, port ${address.port}` : String(address);
  log.info(`ready on ${shown} (${describeTrustProxy(trust)})`);
});

function waitUntil(promise, deadline) {
  let timer;
  const late = new Promise((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()))));
  return Promise.race([promise.then(() => true), late]).finally(() => clearTimeout(timer));
}

async function stop(signal) {
  if (stopping) {
    log.warn({ signal }, `${signal} again: exiting without waiting`);
    process.exit(1);
  }
  stopping = true;
  const deadline = Date.now() + shutdownTimeoutMs;
  log.info({ signal, inFlight: inFlight.size }, `${signal}: taking no new connections; letting ${inFlight.size} request(s) finish`);
  const closed = new Promise((resolve) => server.close(resolve));
  for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
  server.closeIdleConnections();
  const drained = await waitUntil(closed, deadline);
  if (!drained) {
    log.warn({ inFlight: inFlight.size }, `${inFlight.size} request(s) still running after ${shutdownTimeoutMs} ms; closing their connections`);
    server.closeAllConnections();
  }
  await waitUntil(app.close(), deadline);
  // The job loop (which releases its leases) and then the database, as instrumentation.ts registered them.
  await runShutdownHooks(deadline);
  log.info({ exitCode: drained ? 0 : 1 }, "stopped");
  process.exit(drained ? 0 : 1);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
