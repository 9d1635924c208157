/**
 * Amazon's payment object ids name their parent: an authorization, capture or refund id is the
 * order reference id plus `-A…`, `-C…` or `-R…` (reference §3.4). That is what lets us check
 * that a notification found by our reference id is really about the order reference we charged.
 */
const CHILD_ID = /^([A-Z]\d{2}-\d{7}-\d{7})-[A-Z]\d+$/;

/** The order reference an authorization, capture or refund id belongs to, or null. */
export function parentOrderReferenceId(childId: string | null | undefined): string | null {
  if (!childId) return null;
  return CHILD_ID.exec(childId)?.[1] ?? null;
}

/** A CaptureNow capture shares its authorization's digits (`…-A041953` → `…-C041953`). */
export function captureNowAuthorizationId(captureId: string): string | null {
  return /-C\d+$/.test(captureId) ? captureId.replace(/-C(\d+)$/, "-A$1") : null;
}
