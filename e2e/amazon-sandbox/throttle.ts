/**
 * Optional leaky-bucket throttling with the sandbox quotas of §4.27, per (seller, operation).
 * Off by default because test suites would otherwise need Amazon's pacing.
 */
type Quota = { burst: number; restoreMs: number };

const WRITE: Quota = { burst: 2, restoreMs: 2000 };
const READ: Quota = { burst: 5, restoreMs: 1000 };
const QUOTAS: Record<string, Quota> = {
  GetServiceStatus: { burst: 2, restoreMs: 5 * 60 * 1000 },
  GetOrderReferenceDetails: READ,
  GetAuthorizationDetails: READ,
  GetCaptureDetails: READ,
  GetRefundDetails: READ,
  GetBillingAgreementDetails: READ,
};

export type Throttle = { enabled: boolean; allow(sellerId: string, action: string, nowMs: number): boolean };

export function createThrottle(enabled: boolean): Throttle {
  const buckets = new Map<string, { level: number; at: number }>();
  return {
    enabled,
    allow(sellerId, action, nowMs) {
      if (!this.enabled) return true;
      const quota = QUOTAS[action] ?? WRITE;
      const key = `${sellerId}|${action}`;
      const bucket = buckets.get(key) ?? { level: 0, at: nowMs };
      const drained = Math.floor((nowMs - bucket.at) / quota.restoreMs);
      if (drained > 0) {
        bucket.level = Math.max(0, bucket.level - drained);
        bucket.at += drained * quota.restoreMs;
      }
      if (bucket.level === 0) bucket.at = nowMs;
      buckets.set(key, bucket);
      if (bucket.level >= quota.burst) return false;
      bucket.level += 1;
      return true;
    },
  };
}
