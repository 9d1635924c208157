export const TRANSACTION_TYPES = ["SALE", "AUTHORIZE", "CAPTURE", "REFUND", "VOID"] as const;
/** An order's charge attempt: a sale, or (capture-later campaigns) an authorization. */
export const CHARGE_ATTEMPT_TYPES = ["SALE", "AUTHORIZE"] as const;
/** The rows that took the buyer's money: a sale, or the capture of an authorization. */
export const CAPTURED_TYPES = ["SALE", "CAPTURE"] as const;
