import Link from "next/link";
import type { MidWithVolume } from "@/lib/mids/list-mids";
import { Table, Th, Td } from "@/components/ui/table";
import { EnabledBadge, ModeBadge } from "@/components/ui/badge";
import { Money } from "@/components/ui/money";
import { UtilizationBar } from "@/components/ui/utilization-bar";

/**
 * Today and MTD are gross captured volume (MTD includes today, so it is never smaller); "Cap used"
 * is what counts against the cap: net of refunds for a MID that counts refunds back.
 */
export function MidTable({ mids }: { mids: MidWithVolume[] }) {
  const allNet = mids.every((m) => m.capCountsRefunds);
  return (
    <Table label="MIDs">
      <thead>
        <tr>
          <Th priority="md">ID</Th>
          <Th>Title</Th>
          <Th priority="2xl">Seller ID</Th>
          <Th priority="lg">Region</Th>
          <Th priority="lg">Mode</Th>
          <Th>Status</Th>
          <Th align="right" priority="md">
            Today (gross)
          </Th>
          <Th align="right" priority="lg">
            MTD (gross)
          </Th>
          <Th align="right">{allNet ? "Cap used (net)" : "Cap used"}</Th>
          <Th align="right" priority="2xl">
            Cap
          </Th>
          <Th align="right">Left</Th>
          <Th priority="md">Utilization</Th>
        </tr>
      </thead>
      <tbody>
        {mids.map((mid) => (
          <tr key={mid.id} className="hover:bg-zinc-50">
            <Td priority="md" className="tabular text-muted">
              {mid.id}
            </Td>
            {/* Wide enough that "Amazon Pay US — Backup" wraps once, not word by word. */}
            <Td className="min-w-44">
              <Link href={`/mids/${mid.id}`} className="font-medium text-zinc-900 hover:text-accent-700 hover:underline">
                {mid.title}
              </Link>
              {mid.midNumber && <span className="block text-xs text-muted">{mid.midNumber}</span>}
            </Td>
            <Td priority="2xl" className="font-mono text-xs">
              {mid.merchantId}
            </Td>
            <Td priority="lg" className="whitespace-nowrap">
              {mid.region} · {mid.currency}
            </Td>
            <Td priority="lg">
              <ModeBadge testMode={mid.testMode} />
            </Td>
            <Td>
              <EnabledBadge enabled={mid.enabled} />
              {mid.lastVerifyResult && (
                <span
                  className={mid.lastVerifyResult.startsWith("ACTIVE") ? "mt-1 block text-[11px] text-emerald-700" : "mt-1 block text-[11px] text-red-700"}
                  title={mid.lastVerifyResult}
                >
                  {mid.lastVerifyResult.startsWith("ACTIVE") ? "Verified" : "Verify failed"}
                </span>
              )}
            </Td>
            <Td align="right" priority="md">
              <Money minor={mid.todayMinor} currency={mid.currency} />
            </Td>
            <Td align="right" priority="lg">
              <Money minor={mid.grossMonthMinor} currency={mid.currency} />
            </Td>
            <Td align="right">
              <Money minor={mid.room.usedMinor} currency={mid.currency} />
              {!allNet && <span className="block text-[11px] text-muted">{mid.capCountsRefunds ? "net of refunds" : "gross"}</span>}
              {mid.room.reservedMinor > 0 && (
                <span className="block text-[11px] text-muted">
                  + <Money minor={mid.room.reservedMinor} currency={mid.currency} /> in flight
                </span>
              )}
            </Td>
            <Td align="right" priority="2xl">
              <Money minor={mid.monthlyCapMinor} currency={mid.currency} />
            </Td>
            <Td align="right" className={mid.room.isOverAlert ? "font-medium text-amber-700" : undefined}>
              <Money minor={mid.room.leftMinor} currency={mid.currency} />
            </Td>
            <Td priority="md">
              <UtilizationBar percent={mid.room.utilizationPercent} alertPercent={mid.capAlertPercent} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
