/** Runs once per server process: secrets, migrations, the first admin, background jobs. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureAppSecrets } = await import("./lib/config/app-secrets");
  const { getDb } = await import("./db/client");
  const { ensureFirstAdmin } = await import("./lib/users/ensure-first-admin");
  ensureAppSecrets();
  await ensureFirstAdmin(getDb());
  if ((process.env.JOBS ?? "inline") === "inline") {
    const { startJobs } = await import("./lib/jobs/start-jobs");
    startJobs(getDb());
  }
}
