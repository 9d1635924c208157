/** The emulator names regions as the SDKs' config does (lowercase); MIDs use US/UK/DE/JP. */
export function toSandboxRegion(region: "US" | "UK" | "DE" | "JP"): "us" | "uk" | "de" | "jp" {
  return region.toLowerCase() as "us" | "uk" | "de" | "jp";
}
