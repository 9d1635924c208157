// Plain JavaScript, for the same reason as logger.mjs.

const MAX_CAUSES = 3;

/**
 * An error as a log field: type, message, code, stack and its causes, and nothing else. Other
 * properties an error carries (a failed query's parameters, a client's request options) can hold
 * customers' data or secrets whose field names say nothing, so they are left out; for the same
 * reason the `params: …` line drizzle puts into a failed query's message (and stack) is cut.
 */
export function serializeError(error, depth = 0) {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  const hasParams = "params" in error;
  const cut = (text) => (hasParams && typeof text === "string" ? text.replace(/\nparams: [\s\S]*?(?=\n\s+at |$)/, "") : text);
  // A class that does not name itself (drizzle's errors) is known by its constructor's name.
  const type = error.name !== "Error" ? error.name : (error.constructor?.name ?? "Error");
  const serialized = { type, message: cut(error.message) };
  if (typeof error.code === "string" || typeof error.code === "number") serialized.code = error.code;
  if (error.stack) serialized.stack = cut(error.stack);
  if (error.cause !== undefined && depth < MAX_CAUSES) serialized.cause = serializeError(error.cause, depth + 1);
  return serialized;
}
