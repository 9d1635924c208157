import { resolveDatabasePath } from "@/lib/config/data-dir";

/** Which database a process uses: PostgreSQL when DATABASE_URL names one, else the SQLite file. */
export type DatabaseTarget = { engine: "sqlite"; file: string } | { engine: "postgres"; url: string };

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** The database this process's settings select: `DATABASE_URL=postgres://…`, else `DATABASE_PATH` (or ./data/mid-console.db). */
export function resolveDatabaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url && POSTGRES_URL.test(url)) return { engine: "postgres", url };
  if (url) throw new Error(`DATABASE_URL must start with postgres:// or postgresql:// (got "${url.split(":")[0]}:…"); for SQLite set DATABASE_PATH instead.`);
  return { engine: "sqlite", file: resolveDatabasePath() };
}

/** True when this process runs on PostgreSQL; decides which schema tree db/schema hands out. */
export function selectsPostgres(env: NodeJS.ProcessEnv = process.env): boolean {
  return POSTGRES_URL.test(env.DATABASE_URL?.trim() ?? "");
}
