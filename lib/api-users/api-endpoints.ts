/** The public API endpoints an API user can be allowed to call (design.md §5). */
export const API_ENDPOINTS = [
  { id: "order.import", path: "/api/order/import", label: "Import Order" },
  { id: "upsale.import", path: "/api/upsale/import", label: "Import Upsale" },
  { id: "order.query", path: "/api/order/query", label: "Query orders" },
  { id: "transactions.query", path: "/api/transactions/query", label: "Query transactions" },
  { id: "order.refund", path: "/api/order/refund", label: "Refund order" },
  { id: "order.cancel", path: "/api/order/cancel", label: "Cancel order" },
  { id: "campaign.amazon-mid", path: "/api/campaign/amazon-mid", label: "Choose Amazon MID" },
] as const;

export type ApiEndpointId = (typeof API_ENDPOINTS)[number]["id"];

export function isApiEndpointId(value: string): value is ApiEndpointId {
  return API_ENDPOINTS.some((e) => e.id === value);
}
