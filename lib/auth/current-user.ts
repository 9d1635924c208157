import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { cache } from "react";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { auth } from "./auth";
import { can, type Permission } from "./permissions";
import { ForbiddenError, type Actor } from "./actor";
import { clientIpFromHeaders } from "./client-ip";

/**
 * The signed-in user as the database says now: the session only carries the id and the session
 * version it was issued under, so a demotion, a disable or a revocation (sign-out, password
 * change or reset, "sign out everywhere") takes effect on the very next request.
 */
export const getCurrentActor = cache(readCurrentActor);

// Per request (React cache): the layout and the page ask once between them, still from the database.
async function readCurrentActor(): Promise<Actor | null> {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const [user] = await getDb().select().from(users).where(eq(users.id, id));
  if (!user || user.disabledAt !== null) return null;
  // A cookie from before session versions existed carries none and is refused like a revoked one.
  if (session?.sessionVersion !== user.sessionVersion) return null;
  const ip = clientIpFromHeaders(await headers());
  return { userId: user.id, email: user.email, name: user.name, role: user.role, ip };
}

/** For pages: anonymous → /login, not allowed → the 403 page. */
export async function requirePageActor(permission?: Permission): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) redirect("/login");
  if (permission && !can(actor.role, permission)) redirect("/forbidden");
  return actor;
}

/** For server actions and route handlers: throws ForbiddenError, which callers turn into a message or a 403. */
export async function requireActionActor(permission?: Permission): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) throw new ForbiddenError("Your session has ended. Sign in again.");
  if (permission && !can(actor.role, permission)) throw new ForbiddenError();
  return actor;
}
