import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/current-user";
import { listDeclineRules } from "@/lib/declines/manage-decline-rules";
import { listMids } from "@/lib/mids/list-mids";
import { parseIdParam } from "@/lib/parse-id-param";
import { readSearchParams, type SearchParams } from "@/lib/search-params/read-search-params";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { ActionButton } from "@/components/ui/action-button";
import { buttonClasses } from "@/components/ui/button";
import { DeclineRuleForm } from "@/components/declines/decline-rule-form";
import { IgnoredParamsNote } from "@/components/ui/ignored-params-note";
import { resetDeclineRuleAction, saveDeclineRuleAction } from "./actions";

export const metadata = { title: "Decline messages" };

export default async function DeclinesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor("declines.write");
  const db = getDb();
  const mids = await listMids(db, actor);
  const urlValues = readSearchParams(await searchParams);
  const scopeMid = urlValues.read("mid", (raw) => mids.find((m) => m.id === parseIdParam(raw)) ?? null, "must be the id of a MID") ?? null;
  const rows = await listDeclineRules(db, actor, scopeMid?.id ?? null);
  return (
    <>
      <PageHeader
        title="Decline messages"
        description="How each Amazon answer is classified (soft: the buyer may retry; hard: they must change payment method) and what the lander shows. A MID's own rule wins over the global one."
      />
      <form method="get" className="mb-5 flex flex-wrap items-center gap-2" aria-label="Scope">
        <label htmlFor="mid" className="text-sm font-medium text-zinc-700">
          Rules for
        </label>
        <select
          id="mid"
          name="mid"
          defaultValue={scopeMid ? String(scopeMid.id) : ""}
          className="min-w-0 max-w-full rounded-md border-0 py-1.5 pl-2.5 pr-8 text-sm ring-1 ring-inset ring-zinc-300"
        >
          <option value="">All MIDs (global)</option>
          {mids.map((m) => (
            <option key={m.id} value={m.id}>
              #{m.id} {m.title}
            </option>
          ))}
        </select>
        <button type="submit" className={buttonClasses("secondary", "sm")}>
          Show
        </button>
        {scopeMid && (
          <Link href="/settings/declines" className="text-sm text-accent-700 hover:underline">
            Back to global
          </Link>
        )}
      </form>
      <IgnoredParamsNote ignored={urlValues.ignored} />
      <div className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-surface shadow-sm">
        {rows.map((row) => (
          <div key={row.code} className="px-5 py-4" data-decline-rule={row.code}>
            <div className="mb-2 flex items-center gap-2">
              {row.isOverride ? (
                <Badge tone="blue">{scopeMid ? "MID rule" : "Edited"}</Badge>
              ) : (
                <Badge tone="slate">{scopeMid ? "Inherited" : "Default"}</Badge>
              )}
              {row.isOverride && (
                <ActionButton
                  label={scopeMid ? "Use global" : "Restore default"}
                  size="sm"
                  variant="ghost"
                  action={resetDeclineRuleAction.bind(null, scopeMid?.id ?? null, row.code)}
                />
              )}
            </div>
            <DeclineRuleForm
              key={`${row.kind}-${row.message}`}
              code={row.code}
              label={row.label}
              kind={row.kind}
              message={row.message}
              action={saveDeclineRuleAction.bind(null, scopeMid?.id ?? null, row.code)}
            />
          </div>
        ))}
      </div>
    </>
  );
}
