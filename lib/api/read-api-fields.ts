import { ApiError } from "./api-error";

const MAX_BODY_BYTES = 64 * 1024;

/** Form-encoded or JSON body → flat string fields (Konnektive sends form posts; JSON also accepted). */
export async function readApiFields(request: Request): Promise<Record<string, string>> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new ApiError("MALFORMED_REQUEST", "The request body is larger than 64 KB.");
  const type = request.headers.get("content-type") ?? "";
  const fields: Record<string, string> = {};
  const put = (key: string, value: unknown) => {
    if (value === null || value === undefined) return;
    if (typeof value === "object") throw new ApiError("MALFORMED_REQUEST", `Field ${key} must be a string or number, not an object or list.`);
    fields[key] = String(value);
  };
  if (type.includes("application/json") || /^\s*\{/.test(text)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text || "{}");
    } catch {
      throw new ApiError("MALFORMED_REQUEST", "The body is not valid JSON.");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
      throw new ApiError("MALFORMED_REQUEST", "The JSON body must be an object of fields.");
    for (const [key, value] of Object.entries(parsed)) put(key, value);
  } else {
    for (const [key, value] of new URLSearchParams(text)) put(key, value);
  }
  // Konnektive also accepts fields in the query string.
  for (const [key, value] of new URL(request.url).searchParams) if (!(key in fields)) put(key, value);
  return fields;
}
