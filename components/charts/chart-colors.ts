/** Series colours that read on light and dark surfaces alike (mid-tone, distinct in hue). */
export const SERIES_COLORS = ["#6366f1", "#0ea5e9", "#10b981", "#f59e0b", "#ef4444", "#a855f7", "#14b8a6"];
export const AXIS_COLOR = "#8a8a93";
export const GRID_COLOR = "#8a8a9333";
export const DECLINE_COLOR = "#ef4444";
