import path from "node:path";

export function resolveDatabasePath(): string {
  return process.env.DATABASE_PATH || path.join(process.cwd(), "data", "mid-console.db");
}

/** Generated secrets live beside the default database folder, `./data/`. */
export function resolveDataDir(): string {
  return path.join(process.cwd(), "data");
}
