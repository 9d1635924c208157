// sale: Authorize with CaptureNow. authorize: the authorization stays open until someone
// captures or voids it from the order page ("capture on shipment").
export const CAPTURE_MODES = ["sale", "authorize"] as const;
