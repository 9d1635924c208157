import type { Operation } from "./context";
import { formatTimestamp } from "./clock";
import { text } from "./xml";

const getServiceStatus: Operation = (ctx) => ({
  result: text("Status", "GREEN") + text("Timestamp", formatTimestamp(ctx.store.clock.now())),
});

const getMerchantAccountStatus: Operation = () => ({ result: text("AccountStatus", "ACTIVE") });

export const SERVICE_OPERATIONS: Record<string, Operation> = {
  GetServiceStatus: getServiceStatus,
  GetMerchantAccountStatus: getMerchantAccountStatus,
};
