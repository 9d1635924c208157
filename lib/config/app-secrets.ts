import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { resolveDataDir } from "./data-dir";
import { log } from "@/lib/log/logger.mjs";

type SecretName = "AUTH_SECRET" | "APP_ENCRYPTION_KEY";

const FILES: Record<SecretName, string> = {
  AUTH_SECRET: "auth-secret",
  APP_ENCRYPTION_KEY: "encryption-key",
};

/**
 * Zero-config first run: when a secret is not in the environment, read it from ./data/ or
 * generate it there (mode 0600) and warn, so a laptop works out of the box while production
 * is told to set it explicitly. Idempotent; sets process.env for the rest of the process.
 */
export function ensureAppSecrets(): void {
  for (const name of Object.keys(FILES) as SecretName[]) {
    if (process.env[name]) continue;
    process.env[name] = readOrCreateSecret(name);
  }
}

function readOrCreateSecret(name: SecretName): string {
  const dir = resolveDataDir();
  // Runtime-only files: keep the bundler from tracing the project through these paths.
  const file = path.join(/*turbopackIgnore: true*/ dir, FILES[name]);
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dir, { recursive: true });
  const value = randomBytes(32).toString("base64");
  try {
    fs.writeFileSync(file, value + "\n", { mode: 0o600, flag: "wx" });
    log.warn({ file }, `${name} was not set; generated one in ${file}. Set ${name} explicitly in production.`);
  } catch (error) {
    // Another process created it first: use theirs so both agree.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return fs.readFileSync(file, "utf8").trim();
}
