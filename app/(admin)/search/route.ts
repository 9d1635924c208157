import { getDb } from "@/db/client";
import { ForbiddenError } from "@/lib/auth/actor";
import { requireActionActor } from "@/lib/auth/current-user";
import { searchEverything } from "@/lib/search/search-everything";

const MAX_QUERY_LENGTH = 200;

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

/** The top bar's search (components/search/global-search.tsx): JSON hits, only of kinds the signed-in role may read. */
export async function GET(request: Request) {
  let actor;
  try {
    actor = await requireActionActor();
  } catch (error) {
    if (error instanceof ForbiddenError) return json({ error: error.message }, 403);
    throw error;
  }
  const q = new URL(request.url).searchParams.get("q") ?? "";
  if (q.length > MAX_QUERY_LENGTH) return json({ error: `q: at most ${MAX_QUERY_LENGTH} characters.` }, 400);
  return json(await searchEverything(getDb(), actor, q));
}
