import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { listMids } from "@/lib/mids/list-mids";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/button";
import { MidTable } from "@/components/mids/mid-table";

export const metadata = { title: "Overview" };

export default async function OverviewPage() {
  const actor = await requirePageActor("dashboard.read");
  const mids = can(actor.role, "mids.read") ? listMids(getDb(), actor, { status: "enabled" }) : null;
  const nearCap = mids?.filter((m) => m.room.isOverAlert) ?? [];
  return (
    <>
      <PageHeader title={`Welcome, ${actor.name.split(" ")[0]}`} description="Volume against each MID's monthly cap." />
      {mids === null ? (
        <Card title="Your work">
          <p className="text-sm text-zinc-600">Orders, transactions and customer-service actions arrive with the order pipeline. Your account can refund, void and cancel orders once they exist.</p>
        </Card>
      ) : mids.length === 0 ? (
        <EmptyState
          title="No enabled MIDs"
          description="Add or enable an Amazon Pay merchant account to see its volume here."
          action={can(actor.role, "mids.write") && <LinkButton href="/mids/new">New MID</LinkButton>}
        />
      ) : (
        <div className="space-y-6">
          {nearCap.length > 0 && (
            <div className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
              {nearCap.length} MID{nearCap.length > 1 ? "s are" : " is"} past the alert threshold:{" "}
              {nearCap.map((m, i) => (
                <span key={m.id}>
                  {i > 0 && ", "}
                  <Link href={`/mids/${m.id}`} className="font-medium underline">{m.title}</Link>
                </span>
              ))}
            </div>
          )}
          <MidTable mids={mids} />
        </div>
      )}
    </>
  );
}
