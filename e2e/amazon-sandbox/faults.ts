/** Fault injection and latency for the control API (design §5). */
export type FaultMode = "500" | "503" | "throttle" | "timeout" | "reset" | "apply-then-500";
export const FAULT_MODES: FaultMode[] = ["500", "503", "throttle", "timeout", "reset", "apply-then-500"];

export type Fault = { action?: string; mode: FaultMode; remaining: number };

export type FaultState = {
  faults: Fault[];
  latency: { ms: number; jitterMs: number };
};

export function createFaultState(): FaultState {
  return { faults: [], latency: { ms: 0, jitterMs: 0 } };
}

/** Consumes one matching fault (first registered wins), or returns undefined. */
export function takeFault(state: FaultState, action: string): FaultMode | undefined {
  const fault = state.faults.find((f) => f.remaining > 0 && (f.action === undefined || f.action === action));
  if (!fault) return undefined;
  fault.remaining -= 1;
  state.faults = state.faults.filter((f) => f.remaining > 0);
  return fault.mode;
}

export function computeLatencyMs(state: FaultState): number {
  const { ms, jitterMs } = state.latency;
  return Math.max(0, ms + (jitterMs > 0 ? Math.round((Math.random() * 2 - 1) * jitterMs) : 0));
}
