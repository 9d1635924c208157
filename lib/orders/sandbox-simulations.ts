/** Sandbox simulation strings (reference §7.2) that apply to placing an order. */
export const ORDER_SIMULATIONS = [
  { id: "", label: "None — a normal, successful payment", target: null, value: "" },
  {
    id: "soft-decline",
    label: "Authorization declined: InvalidPaymentMethod (soft)",
    target: "authorization",
    value: '{"SandboxSimulation":{"State":"Declined","ReasonCode":"InvalidPaymentMethod","PaymentMethodUpdateTimeInMins":5,"SoftDecline":"true"}}',
  },
  {
    id: "hard-decline",
    label: "Authorization declined: InvalidPaymentMethod (hard)",
    target: "authorization",
    value: '{"SandboxSimulation":{"State":"Declined","ReasonCode":"InvalidPaymentMethod","PaymentMethodUpdateTimeInMins":5,"SoftDecline":"false"}}',
  },
  {
    id: "amazon-rejected",
    label: "Authorization declined: AmazonRejected",
    target: "authorization",
    value: '{"SandboxSimulation":{"State":"Declined","ReasonCode":"AmazonRejected"}}',
  },
  {
    id: "timed-out",
    label: "Authorization declined: TransactionTimedOut",
    target: "authorization",
    value: '{"SandboxSimulation":{"State":"Declined","ReasonCode":"TransactionTimedOut"}}',
  },
  {
    id: "expired-unused",
    label: "Authorization closed later: ExpiredUnused (1 min)",
    target: "authorization",
    value: '{"SandboxSimulation":{"State":"Closed","ReasonCode":"ExpiredUnused","ExpirationTimeInMins":1}}',
  },
  {
    id: "amazon-closed",
    label: "Authorization closed: AmazonClosed",
    target: "authorization",
    value: '{"SandboxSimulation":{"State":"Closed","ReasonCode":"AmazonClosed"}}',
  },
  {
    id: "payment-not-allowed",
    label: "Order reference constraint: PaymentMethodNotAllowed",
    target: "order-note",
    value: '{"SandboxSimulation":{"Constraint":"PaymentMethodNotAllowed"}}',
  },
] as const;

export type OrderSimulationId = (typeof ORDER_SIMULATIONS)[number]["id"];

export function findSimulation(id: string | undefined) {
  return ORDER_SIMULATIONS.find((s) => s.id === (id ?? "")) ?? null;
}
