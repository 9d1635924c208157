import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { decryptSecret, encryptSecret, parseEncryptionKey } from "./secret-box";

const key = parseEncryptionKey(randomBytes(32).toString("base64"));
const keys = new Map([[key.id, key]]);

describe("secret box", () => {
  it("round-trips and never contains the plaintext", () => {
    const sealed = encryptSecret("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", key);
    expect(sealed).not.toContain("wJalrXUtnFEMI");
    expect(sealed.startsWith(`v1.${key.id}.`)).toBe(true);
    expect(decryptSecret(sealed, keys)).toBe("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same", key)).not.toBe(encryptSecret("same", key));
  });

  it("detects tampering with the ciphertext or tag", () => {
    const sealed = encryptSecret("secret-value", key).split(".");
    const flipped = Buffer.from(sealed[4], "base64url");
    flipped[0] ^= 1;
    const tampered = [...sealed.slice(0, 4), flipped.toString("base64url")].join(".");
    expect(() => decryptSecret(tampered, keys)).toThrow();
    const badTag = [...sealed.slice(0, 3), Buffer.alloc(16).toString("base64url"), sealed[4]].join(".");
    expect(() => decryptSecret(badTag, keys)).toThrow();
  });

  it("refuses an unknown key id and a wrong-length key", () => {
    const other = parseEncryptionKey(randomBytes(32).toString("hex"));
    expect(() => decryptSecret(encryptSecret("x", other), keys)).toThrow(/No encryption key/);
    expect(() => parseEncryptionKey("c2hvcnQ=")).toThrow(/32 bytes/);
  });
});
