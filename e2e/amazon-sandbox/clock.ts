/**
 * Emulator clock: wall time plus an offset that tests advance through the control API.
 * Timers (async authorizations, refunds, simulated expiries) are kept here rather than in
 * setTimeout so that advancing the clock fires everything that became due, in order.
 */
export type Clock = {
  now(): number;
  advance(ms: number): Promise<void>;
  schedule(delayMs: number, fire: () => void): void;
  stop(): void;
};

type Timer = { at: number; seq: number; fire: () => void };

export function createClock(options: { startAt?: number; tickMs?: number } = {}): Clock {
  let offset = options.startAt === undefined ? 0 : options.startAt - Date.now();
  let seq = 0;
  const timers: Timer[] = [];
  const now = (): number => Date.now() + offset;

  // Earliest due time, so the periodic tick costs nothing while no timer is due.
  let nextAt = Infinity;
  const fireDue = (): void => {
    if (now() < nextAt) return;
    timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    while (timers.length > 0 && timers[0].at <= now()) {
      const timer = timers.shift();
      timer?.fire();
    }
    nextAt = timers.reduce((min, timer) => Math.min(min, timer.at), Infinity);
  };
  // Real time also moves the emulator, so a "30 s" refund completes on its own in a demo.
  const ticker = setInterval(fireDue, options.tickMs ?? 200);
  ticker.unref();

  return {
    now,
    async advance(ms) {
      offset += ms;
      fireDue();
    },
    schedule(delayMs, fire) {
      const at = now() + Math.max(0, delayMs);
      timers.push({ at, seq: seq++, fire });
      nextAt = Math.min(nextAt, at);
      if (delayMs <= 0) queueMicrotask(fireDue);
    },
    stop() {
      clearInterval(ticker);
      timers.length = 0;
    },
  };
}

export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}
