import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { ensureAppSecrets } from "../config/app-secrets";

/**
 * AES-256-GCM for secrets at rest. Format: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url).
 * The key id lets old rows be read after rotation: put retired keys in
 * APP_ENCRYPTION_KEYS_OLD (comma separated) and the new one in APP_ENCRYPTION_KEY.
 */

type Key = { id: string; bytes: Buffer };

export function parseEncryptionKey(raw: string): Key {
  const trimmed = raw.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (bytes.length !== 32) {
    throw new Error("APP_ENCRYPTION_KEY must be 32 bytes, as base64 (44 characters) or hex (64 characters)");
  }
  return { id: createHash("sha256").update(bytes).digest("hex").slice(0, 8), bytes };
}

function loadKeys(): { current: Key; all: Map<string, Key> } {
  ensureAppSecrets();
  const current = parseEncryptionKey(process.env.APP_ENCRYPTION_KEY as string);
  const all = new Map([[current.id, current]]);
  for (const old of (process.env.APP_ENCRYPTION_KEYS_OLD ?? "").split(",").filter(Boolean)) {
    const key = parseEncryptionKey(old);
    all.set(key.id, key);
  }
  return { current, all };
}

export function encryptSecret(plaintext: string, key: Key = loadKeys().current): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key.bytes, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ["v1", key.id, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function decryptSecret(sealed: string, keys: Map<string, Key> = loadKeys().all): string {
  const parts = sealed.split(".");
  if (parts.length !== 5 || parts[0] !== "v1") throw new Error("Encrypted value has an unknown format");
  const [, keyId, iv, tag, ciphertext] = parts;
  const key = keys.get(keyId);
  if (!key) throw new Error(`No encryption key with id ${keyId} is configured`);
  const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
