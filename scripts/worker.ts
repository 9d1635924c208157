/**
 * `npm run worker`: background jobs in their own process (run the app with JOBS=off). SIGTERM or
 * SIGINT stops the job loop, waits for runs in progress (up to SHUTDOWN_TIMEOUT_MS, default 10 s),
 * releases the leases, closes the database and exits 0.
 */
import { closeDb, getDb } from "@/db/client";
import { ensureAppSecrets } from "@/lib/config/app-secrets";
import { startJobs } from "@/lib/jobs/start-jobs";
import { log } from "@/lib/log/logger.mjs";

const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000);
if (!Number.isInteger(shutdownTimeoutMs) || shutdownTimeoutMs < 0) {
  log.fatal(`SHUTDOWN_TIMEOUT_MS: "${process.env.SHUTDOWN_TIMEOUT_MS}" is not a number of milliseconds.`);
  process.exit(1);
}

ensureAppSecrets();
const stopJobs = startJobs(getDb());
log.info("worker running; SIGTERM or Ctrl-C stops it");
// The job timers are unref'd (they must not keep an app server alive); this keeps the worker up.
const keepAlive = setInterval(() => {}, 1 << 30);

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) {
    log.warn({ signal }, `${signal} again: exiting without waiting`);
    process.exit(1);
  }
  stopping = true;
  log.info({ signal }, `${signal}: stopping the jobs`);
  await stopJobs(Date.now() + shutdownTimeoutMs);
  closeDb();
  clearInterval(keepAlive);
  log.info("stopped");
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
