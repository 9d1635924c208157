export const ORDER_SOURCES = ["api", "order_entry", "rebill"] as const;
