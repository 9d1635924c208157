import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiUsers, campaigns, customers, mids } from "@/db/schema";
import { getCurrentActor } from "@/lib/auth/current-user";
import { can, type Permission } from "@/lib/auth/permissions";
import { parseIdParam } from "@/lib/parse-id-param";

/*
 * Tab titles of detail pages ("MID US main", "Order #600"). A name is read only for a
 * signed-in user whose role may read it; otherwise, and for an unknown id, the title is the
 * generic one, and the page itself answers with its login, 403 or 404 screen.
 */

async function readName(permission: Permission, rawId: string, lookup: (id: number) => Promise<string | undefined>): Promise<string | undefined> {
  const id = parseIdParam(rawId);
  const actor = await getCurrentActor();
  if (id === null || !actor || !can(actor.role, permission)) return undefined;
  return lookup(id);
}

export function titleOfOrder(rawId: string): string {
  const id = parseIdParam(rawId);
  return id === null ? "Order" : `Order #${id}`;
}

export async function titleOfMid(rawId: string, prefix = "MID"): Promise<string> {
  const title = await readName("mids.read", rawId, async (id) => (await getDb().select({ title: mids.title }).from(mids).where(eq(mids.id, id)))[0]?.title);
  return title ? `${prefix} ${title}` : prefix;
}

export async function titleOfCampaign(rawId: string, prefix = "Campaign"): Promise<string> {
  const name = await readName(
    "campaigns.read",
    rawId,
    async (id) => (await getDb().select({ name: campaigns.name }).from(campaigns).where(eq(campaigns.id, id)))[0]?.name,
  );
  return name ? `${prefix} ${name}` : prefix;
}

export async function titleOfCustomer(rawId: string): Promise<string> {
  const name = await readName("customers.read", rawId, async (id) => {
    const [row] = await getDb()
      .select({ email: customers.email, firstName: customers.firstName, lastName: customers.lastName })
      .from(customers)
      .where(eq(customers.id, id));
    if (!row) return undefined;
    return [row.firstName, row.lastName].filter(Boolean).join(" ") || row.email;
  });
  return name ?? "Customer";
}

export async function titleOfApiUser(rawId: string): Promise<string> {
  const loginId = await readName(
    "api_users.manage",
    rawId,
    async (id) => (await getDb().select({ loginId: apiUsers.loginId }).from(apiUsers).where(eq(apiUsers.id, id)))[0]?.loginId,
  );
  return loginId ? `Access of ${loginId}` : "API access";
}
