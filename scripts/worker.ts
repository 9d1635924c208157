/** `npm run worker`: background jobs in their own process (run the app with JOBS=off). */
import { getDb } from "@/db/client";
import { ensureAppSecrets } from "@/lib/config/app-secrets";
import { startJobs } from "@/lib/jobs/start-jobs";

ensureAppSecrets();
const stop = startJobs(getDb());
console.log("[mid-console] worker running; Ctrl-C to stop");
setInterval(() => {}, 1 << 30);
process.on("SIGINT", () => {
  stop();
  process.exit(0);
});
