// Plain JavaScript so that `npm start` (scripts/serve.mjs) runs it with no TypeScript loader; the
// app's bundle has its own copy of this module, which is why the request context lives on
// globalThis rather than in a module variable.
import pino from "pino";
import { censorSecrets } from "./censor-secrets.mjs";
import { serializeError } from "./serialize-error.mjs";

/** Where lib/log/request-id.mjs keeps the AsyncLocalStorage of the request being served. */
export const REQUEST_CONTEXT_KEY = Symbol.for("mid-console.request-context");

const LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"];

/** LOG_LEVEL → pino's level; a value that is none of them stops the process with a message naming it. */
export function readLogLevel(value = process.env.LOG_LEVEL) {
  const level = (value ?? "").trim().toLowerCase() || "info";
  if (!LEVELS.includes(level)) throw new Error(`LOG_LEVEL: "${value}" is not one of ${LEVELS.join(", ")}.`);
  return level;
}

function currentRequestId() {
  return globalThis[REQUEST_CONTEXT_KEY]?.getStore()?.requestId;
}

/**
 * One JSON object per line on stdout (or `destination`): time, level name, message, the request
 * id while a request is served, and any fields passed, with the values of secret fields censored.
 * Errors go under `err` (see serialize-error.mjs). Lines are written synchronously, as console
 * writes them: each is out before a crash or process.exit, and in order with Next's own output.
 */
export function createLogger({ level = readLogLevel(), destination = pino.destination({ dest: 1, sync: true }) } = {}) {
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        bindings: (bindings) => censorSecrets(bindings),
        log: (fields) => censorSecrets(fields),
      },
      serializers: { err: serializeError },
      hooks: {
        // pino would take a message-less error's message as the line's message, uncut.
        logMethod(args, method) {
          const [fields, message] = args;
          const error = fields instanceof Error ? fields : fields?.err instanceof Error ? fields.err : null;
          if (error && typeof message !== "string") return method.call(this, fields, serializeError(error).message);
          return method.apply(this, args);
        },
      },
      mixin() {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    destination,
  );
}

/** The process's logger. */
export const log = createLogger();
