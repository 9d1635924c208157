import type { AssignmentDto } from "./campaign-dto";

export type RoutingMode = "priority" | "weighted";

/** Whether routeMidForCampaign would consider this assignment for a new order right now. */
export function isTakingOrders(a: Pick<AssignmentDto, "enabled" | "mid">, campaignCurrency: string): boolean {
  return a.enabled && a.mid.enabled && a.mid.currency === campaignCurrency && a.mid.room.leftMinor > 0;
}

/**
 * The share of new orders each assigned MID gets now, as routeMidForCampaign decides: in
 * priority mode the first MID taking orders gets all of them; in weighted mode each MID taking
 * orders gets its weight over the sum of their weights. MIDs not taking orders get 0.
 * `assignments` are in the routing order (priority, then MID id).
 */
export function computeRoutingShares(mode: RoutingMode, assignments: AssignmentDto[], campaignCurrency: string): Map<number, number> {
  const shares = new Map(assignments.map((a) => [a.midId, 0]));
  const taking = assignments.filter((a) => isTakingOrders(a, campaignCurrency));
  if (taking.length === 0) return shares;
  if (mode === "priority") {
    shares.set(taking[0].midId, 1);
    return shares;
  }
  const total = taking.reduce((sum, a) => sum + a.weight, 0);
  for (const a of taking) shares.set(a.midId, a.weight / total);
  return shares;
}
