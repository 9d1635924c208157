import { getDb } from "@/db/client";
import { readHealth } from "@/lib/health/read-health";

export const dynamic = "force-dynamic";

/**
 * GET /api/health for load balancers and monitors: 200 when this process can serve, 503 naming
 * what fails. Public on purpose (a load balancer has no session), so it carries nothing secret.
 */
export async function GET() {
  const health = await readHealth(getDb);
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
