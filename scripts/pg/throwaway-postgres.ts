/**
 * A PostgreSQL cluster of our own for tests and benches: initdb in a temporary folder, a server on
 * its own port and socket (no system service, nothing else touched), removed again by `stop()` and
 * on process exit. initdb refuses to run as root, so as root the cluster belongs to `postgres`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type ThrowawayPostgres = {
  url: (database: string) => string;
  /** Creates an empty database on the cluster and answers its URL. */
  createDatabase: (name: string) => Promise<string>;
  port: number;
  dir: string;
  stop: () => void;
};

/** The folder holding initdb and pg_ctl: PG_BIN, else the newest /usr/lib/postgresql/<v>/bin, else PATH. */
export function findPostgresBin(): string | null {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) if (fs.existsSync(path.join(root, version, "bin", "initdb"))) return path.join(root, version, "bin");
  const found = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  return found ? path.dirname(found) : null;
}

/**
 * `durable: true` keeps PostgreSQL's own durability settings (fsync, synchronous commit), as a
 * production server has them: the scale bench uses it, so its figures are not flattered.
 */
export function startThrowawayPostgres(options: { port?: number; maxConnections?: number; durable?: boolean } = {}): ThrowawayPostgres {
  const bin = findPostgresBin();
  if (!bin) throw new Error("PostgreSQL's server binaries (initdb, pg_ctl) are not installed: apt-get install -y postgresql, or set PG_BIN.");
  const port = options.port ?? 55433;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mc-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) fs.chownSync(dir, Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })), 0);
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args], { stdio: "pipe" })
      : execFileSync(path.join(bin, tool), args, { stdio: "pipe" });
  const data = path.join(dir, "data");
  run("initdb", ["-A", "trust", "--no-sync", "-U", "postgres", "-E", "UTF8", "-D", data]);
  // For tests durability buys nothing on a cluster deleted afterwards; the connection limit fits several app processes per test.
  const settings = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses=127.0.0.1"];
  if (!options.durable) settings.push("-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off");
  settings.push(`-c max_connections=${options.maxConnections ?? 300}`);
  run("pg_ctl", ["-D", data, "-l", path.join(dir, "server.log"), "-w", "-o", settings.join(" "), "start"]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run("pg_ctl", ["-D", data, "-m", "immediate", "stop"]);
    } catch {
      // already gone
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.on("exit", stop);
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const createDatabase = async (name: string) => {
    const admin = new pg.Client({ connectionString: url("postgres") });
    await admin.connect();
    try {
      await admin.query(`create database ${pg.escapeIdentifier(name)}`);
    } finally {
      await admin.end();
    }
    return url(name);
  };
  return { url, createDatabase, port, dir, stop };
}
