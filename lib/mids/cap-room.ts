export type CapRoom = {
  /** Captured this month, net of refunds when the MID counts refunds back. */
  usedMinor: number;
  reservedMinor: number;
  leftMinor: number;
  /** 0–100+, used + reserved against the cap. */
  utilizationPercent: number;
  isOverAlert: boolean;
};

/** Cap arithmetic in one place: the list, the detail page and (later) the order pipeline agree. */
export function computeCapRoom(input: {
  capMinor: number;
  capturedMinor: number;
  refundedMinor: number;
  reservedMinor: number;
  countsRefunds: boolean;
  alertPercent: number;
}): CapRoom {
  const usedMinor = input.capturedMinor - (input.countsRefunds ? input.refundedMinor : 0);
  const committed = usedMinor + input.reservedMinor;
  const utilizationPercent = input.capMinor > 0 ? (committed / input.capMinor) * 100 : 100;
  return {
    usedMinor,
    reservedMinor: input.reservedMinor,
    leftMinor: Math.max(0, input.capMinor - committed),
    utilizationPercent,
    isOverAlert: utilizationPercent >= input.alertPercent,
  };
}
