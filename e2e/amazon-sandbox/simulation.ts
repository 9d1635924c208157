import { SandboxError } from "./errors";

/** A parsed `{"SandboxSimulation":{…}}` string (reference §7). */
export type Simulation = {
  state?: string;
  reasonCode?: string;
  constraint?: string;
  paymentMethodUpdateTimeInMins?: number;
  expirationTimeInMins?: number;
  softDecline?: boolean;
};

export type SimulationSlot =
  "OrderReferenceNote" | "OrderReferenceClose" | "Authorization" | "Capture" | "Refund" | "BillingAgreementNote" | "BillingAgreementClose";

/** Allowed State/ReasonCode (or Constraint) combinations per slot, from the §7.2 table. */
const ALLOWED: Record<SimulationSlot, string[]> = {
  OrderReferenceNote: ["constraint:PaymentMethodNotAllowed"],
  OrderReferenceClose: ["Closed/AmazonClosed"],
  Authorization: ["Declined/InvalidPaymentMethod", "Declined/AmazonRejected", "Declined/TransactionTimedOut", "Closed/ExpiredUnused", "Closed/AmazonClosed"],
  Capture: ["Pending/", "Declined/AmazonRejected", "Closed/AmazonClosed"],
  Refund: ["Declined/AmazonRejected"],
  BillingAgreementNote: ["constraint:PaymentMethodNotAllowed"],
  BillingAgreementClose: ["Closed/AmazonClosed"],
};

function invalid(): SandboxError {
  return new SandboxError(400, "InvalidSandboxSimulationSpecified", "The sandbox simulation specified is invalid.");
}

function readNumber(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(n)) throw invalid();
  return n;
}

/**
 * Returns undefined for ordinary notes (not JSON, or no SandboxSimulation key), so free text
 * is never rejected; only a real simulation with a bad combination is refused.
 */
export function parseSimulation(note: string | undefined, slot: SimulationSlot, sandbox: boolean): Simulation | undefined {
  if (!sandbox || !note || !note.includes("SandboxSimulation")) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(note);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null || !("SandboxSimulation" in parsed)) return undefined;
  const inner = (parsed as { SandboxSimulation: unknown }).SandboxSimulation;
  if (typeof inner !== "object" || inner === null) throw invalid();
  const fields = inner as Record<string, unknown>;
  const simulation: Simulation = {
    state: typeof fields.State === "string" ? fields.State : undefined,
    reasonCode: typeof fields.ReasonCode === "string" ? fields.ReasonCode : undefined,
    constraint: typeof fields.Constraint === "string" ? fields.Constraint : undefined,
    paymentMethodUpdateTimeInMins: readNumber(fields.PaymentMethodUpdateTimeInMins),
    expirationTimeInMins: readNumber(fields.ExpirationTimeInMins),
    softDecline: fields.SoftDecline === undefined ? undefined : String(fields.SoftDecline) === "true",
  };
  const key = simulation.constraint ? `constraint:${simulation.constraint}` : `${simulation.state ?? ""}/${simulation.reasonCode ?? ""}`;
  if (!ALLOWED[slot].includes(key)) throw invalid();
  const update = simulation.paymentMethodUpdateTimeInMins;
  if (update !== undefined && (update < 1 || update > 240)) throw invalid();
  const expiry = simulation.expirationTimeInMins;
  if (expiry !== undefined && (expiry < 1 || expiry > 60)) throw invalid();
  return simulation;
}
