import type { Money } from "@/lib/amazon-pay";
import { formatMinorPlain } from "@/lib/money/money";
import type { SellerMid } from "./find-seller-mids";

function describeMoney(money: Money): string {
  return `${formatMinorPlain(money.amountMinor, money.currency)} ${money.currency}`;
}

/** Sandbox notifications belong to test-mode MIDs, Live ones to live MIDs. */
export function findEnvironmentMismatch(releaseEnvironment: string | undefined, mid: SellerMid): string | null {
  const expected = mid.testMode ? "Sandbox" : "Live";
  if (releaseEnvironment === expected) return null;
  return `environment ${releaseEnvironment ?? "not stated"} ≠ ${expected} (MID #${mid.id} is ${mid.testMode ? "in test mode" : "live"})`;
}

/** Why a notification may not change this row (amount, currency, environment), or null. */
export function findBindingMismatch(input: {
  amount: Money | undefined;
  releaseEnvironment: string | undefined;
  row: { amountMinor: number; currency: string };
  mid: SellerMid;
}): string | null {
  const problems: string[] = [];
  const { amount, row } = input;
  if (!amount) problems.push(`amount not stated ≠ ${describeMoney(row)}`);
  else if (amount.amountMinor !== row.amountMinor || amount.currency !== row.currency) problems.push(`amount ${describeMoney(amount)} ≠ ${describeMoney(row)}`);
  const environment = findEnvironmentMismatch(input.releaseEnvironment, input.mid);
  if (environment) problems.push(environment);
  return problems.length ? problems.join("; ") : null;
}
