import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Role } from "@/lib/values/roles";
import type { Actor } from "@/lib/auth/actor";
import { openTestDatabase } from "./test-database";

/** A fresh database with the real migrations (SQLite in memory, or a PostgreSQL copy of the template), and an actor of each role. */
export async function createTestDb(): Promise<{ db: Db; actorFor: (role: Role) => Promise<Actor> }> {
  const { db } = await openTestDatabase();
  const actors = new Map<Role, Actor>();
  const actorFor = async (role: Role): Promise<Actor> => {
    const existing = actors.get(role);
    if (existing) return existing;
    const now = Date.now();
    const [row] = await db
      .insert(users)
      .values({ email: `${role}@test.local`, name: role, role, passwordHash: "x", createdAt: now, updatedAt: now })
      .returning();
    const actor: Actor = { userId: row.id, email: row.email, name: row.name, role, ip: "127.0.0.1" };
    actors.set(role, actor);
    return actor;
  };
  return { db, actorFor };
}
