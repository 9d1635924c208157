/** Runs once per server process: secrets, migrations, the first admin, background jobs, and how each stops. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureAppSecrets } = await import("./lib/config/app-secrets");
  const { closeDb, getDb } = await import("./db/client");
  const { ensureFirstAdmin } = await import("./lib/users/ensure-first-admin");
  const { onShutdown } = await import("./lib/lifecycle/shutdown-hooks.mjs");
  ensureAppSecrets();
  await ensureFirstAdmin(getDb());
  onShutdown("database", closeDb);
  if ((process.env.JOBS ?? "inline") === "inline") {
    const { startJobs } = await import("./lib/jobs/start-jobs");
    onShutdown("jobs", startJobs(getDb()));
  }
}
