import type { FormState } from "@/lib/form-state";
import type { OrderResult } from "./order-result";

export type OrderEntryState = FormState & { result?: OrderResult; errorCode?: string };
export type CheckoutState = FormState & { amazonOrderId?: string; accessToken?: string };
