/**
 * `npm start`: the production server. Next's own server fills in X-Forwarded-For with the socket
 * address only when a request has none, so inside the app a header the client wrote looks exactly
 * like a real one. This wrapper decides the client address from the socket and TRUST_PROXY before
 * Next sees the request and hands it over in a header the client cannot forge.
 * Options as for `next start`: `-p/--port` (or PORT, default 3000), `-H/--hostname` (default: every interface).
 */
import http from "node:http";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { CLIENT_ADDRESS_TOKEN_ENV, createClientAddressStamp, describeTrustProxy, parseTrustProxy } from "../lib/auth/trust-proxy.mjs";

function fail(message) {
  console.error(`[mid-console] ${message}`);
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
const server = http.createServer((req, res) => {
  stampClientAddress(req);
  handle(req, res).catch((error) => {
    console.error(`[mid-console] request failed: ${error instanceof Error ? error.message : "unknown error"}`);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});

server.listen(port, hostname, () => {
  const address = server.address();
  const shown = typeof address === "object" && address ? `${hostname ?? "every interface"}, port ${address.port}` : String(address);
  console.log(`[mid-console] ready on ${shown} (${describeTrustProxy(trust)})`);
});

function stop() {
  server.close();
  // Open keep-alive connections must not hold the process up for long.
  setTimeout(() => process.exit(0), 5_000).unref();
  void app.close().finally(() => process.exit(0));
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
