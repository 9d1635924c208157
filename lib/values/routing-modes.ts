export const ROUTING_MODES = ["priority", "weighted"] as const;
