import { isIP } from "node:net";

/** Parses an IPv4/IPv6 address to a big-endian byte array (IPv4-mapped IPv6 becomes IPv4). */
function toBytes(address: string): number[] | null {
  const plain = address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  const kind = isIP(plain);
  if (kind === 4) return plain.split(".").map(Number);
  if (kind !== 6) return null;
  const [head, tail = ""] = plain.split("::");
  const parse = (part: string) =>
    (part ? part.split(":") : []).flatMap((group) => {
      if (group.includes(".")) return toBytes(group) ?? [];
      const n = parseInt(group, 16);
      return [n >> 8, n & 0xff];
    });
  const start = parse(head);
  const end = parse(tail);
  const fill = plain.includes("::") ? new Array(16 - start.length - end.length).fill(0) : [];
  const bytes = [...start, ...fill, ...end];
  return bytes.length === 16 ? bytes : null;
}

export type IpRule = { bytes: number[]; prefix: number; text: string };

/** "203.0.113.7", "203.0.113.0/24", "2001:db8::/32" → a rule; null when malformed. */
export function parseIpRule(text: string): IpRule | null {
  const [address, prefixText] = text.trim().split("/");
  const bytes = toBytes(address ?? "");
  if (!bytes) return null;
  const max = bytes.length * 8;
  const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= max)) return null;
  return { bytes, prefix, text: text.trim() };
}

export function ipMatchesRule(ip: string, rule: IpRule): boolean {
  const bytes = toBytes(ip);
  if (!bytes || bytes.length !== rule.bytes.length) return false;
  let bits = rule.prefix;
  for (let i = 0; i < bytes.length && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((bytes[i] & mask) !== (rule.bytes[i] & mask)) return false;
  }
  return true;
}

/** An empty list allows every address. */
export function isIpAllowed(ip: string, rules: string[]): boolean {
  if (rules.length === 0) return true;
  return rules.some((text) => {
    const rule = parseIpRule(text);
    return rule !== null && ipMatchesRule(ip, rule);
  });
}
