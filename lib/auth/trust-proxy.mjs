// Plain JavaScript so that `npm start` (scripts/serve.mjs) runs it with no TypeScript loader; the
// app imports the same module for the header it reads.
import { BlockList, isIP } from "node:net";
import { log } from "../log/logger.mjs";

/** Where the app server hands the client address to the app, as `<token> <address>`. */
export const CLIENT_ADDRESS_HEADER = "x-mid-console-client-address";

/**
 * The per-start secret of that header. Only a process whose server wrote the token into its own
 * environment believes the header, so `next start` or `next dev` run directly cannot be fooled by
 * a client sending it.
 */
export const CLIENT_ADDRESS_TOKEN_ENV = "MID_CONSOLE_CLIENT_ADDRESS_TOKEN";

const MAX_HOPS = 100;

/**
 * An address as written by a socket or a proxy → its plain form, or null when it is none:
 * brackets and ports are dropped, IPv4-mapped IPv6 (`::ffff:10.0.0.1`) becomes IPv4, IPv6 is
 * lower-cased.
 */
export function normalizeAddress(text) {
  if (typeof text !== "string") return null;
  let address = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  if (v4WithPort) address = v4WithPort[1];
  address = address.replace(/^::ffff:(?=\d{1,3}(?:\.\d{1,3}){3}$)/i, "");
  const kind = isIP(address);
  if (kind === 4) return address;
  if (kind === 6) return address.toLowerCase();
  return null;
}

/**
 * TRUST_PROXY → which hops may tell us the client's address:
 * unset, empty, `0`, `false` or `none` → none (the socket address is the client);
 * a whole number N → the N hops nearest to us are proxies;
 * a comma list of addresses and CIDR ranges → hops from those addresses are proxies.
 * Throws an Error naming the variable and the entry it cannot read.
 */
export function parseTrustProxy(value) {
  const text = typeof value === "string" ? value.trim() : "";
  if (text === "" || /^(0|false|none)$/i.test(text)) return { mode: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > MAX_HOPS) throw new Error(`TRUST_PROXY: ${text} hops is more than ${MAX_HOPS}; give the number of proxies in front of the app.`);
    return { mode: "hops", hops };
  }
  const list = new BlockList();
  const entries = text
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [addressText, prefixText, extra] = entry.split("/");
    const address = normalizeAddress(addressText);
    const family = address && isIP(address) === 4 ? "ipv4" : "ipv6";
    const maxPrefix = family === "ipv4" ? 32 : 128;
    const prefix = prefixText === undefined ? maxPrefix : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (!address || extra !== undefined || !(prefix >= 0 && prefix <= maxPrefix)) {
      throw new Error(`TRUST_PROXY: "${entry}" is not a number of hops, an IP address or a CIDR range (e.g. 1, or 10.0.0.0/8,::1).`);
    }
    list.addSubnet(address, prefix, family);
  }
  return { mode: "list", list, entries };
}

/** One line for the start-up log. */
export function describeTrustProxy(trust) {
  if (trust.mode === "none") return "TRUST_PROXY unset: client addresses are socket addresses";
  if (trust.mode === "hops") return `TRUST_PROXY=${trust.hops}: the ${trust.hops} nearest hop(s) are trusted proxies`;
  return `TRUST_PROXY: proxies at ${trust.entries.join(", ")} are trusted`;
}

function isTrustedHop(trust, address, depth) {
  if (trust.mode === "hops") return depth < trust.hops;
  if (trust.mode === "list") return trust.list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
  return false;
}

function forwardedEntries(forwardedFor) {
  const joined = Array.isArray(forwardedFor) ? forwardedFor.join(",") : typeof forwardedFor === "string" ? forwardedFor : "";
  return joined
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/**
 * The client address: start at the socket and step left through X-Forwarded-For while the hop we
 * stand on is a trusted proxy. Whatever lies left of the first untrusted hop was written by the
 * client and is ignored; an entry a trusted proxy passed on that is not an address stops the walk
 * at that proxy.
 */
export function chooseClientAddress(socketAddress, forwardedFor, trust) {
  let client = normalizeAddress(socketAddress) ?? "unknown";
  if (trust.mode === "none" || client === "unknown") return client;
  const hops = forwardedEntries(forwardedFor);
  for (let i = hops.length - 1, depth = 0; i >= 0; i--, depth++) {
    if (!isTrustedHop(trust, client, depth)) return client;
    const next = normalizeAddress(hops[i]);
    if (!next) return client;
    client = next;
  }
  return client;
}

/**
 * The app server's per-request step: writes the client address (with the token) into the internal
 * header, replacing any copy the client sent, and warns once when X-Forwarded-For arrives while no
 * proxy is trusted (a proxy in front of an unconfigured app makes every client look the same).
 */
export function createClientAddressStamp({ trust, token, warn = (message) => log.warn(message) }) {
  let warned = false;
  return function stampClientAddress(req) {
    const forwarded = req.headers["x-forwarded-for"];
    if (forwarded !== undefined && trust.mode === "none" && !warned) {
      warned = true;
      warn(
        `a request from ${normalizeAddress(req.socket.remoteAddress) ?? "an unknown address"} carried X-Forwarded-For, but TRUST_PROXY is not set: ` +
          "the header is ignored and socket addresses are used. Behind a reverse proxy, set TRUST_PROXY (README, Configuration).",
      );
    }
    req.headers[CLIENT_ADDRESS_HEADER] = `${token} ${chooseClientAddress(req.socket.remoteAddress, forwarded, trust)}`;
  };
}
