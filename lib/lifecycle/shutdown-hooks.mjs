// Plain JavaScript: scripts/serve.mjs runs the hooks that the app (its own bundled copy of this
// module) registered, so the list lives on globalThis rather than in a module variable.
import { log } from "../log/logger.mjs";

const HOOKS_KEY = Symbol.for("mid-console.shutdown-hooks");

function hooks() {
  globalThis[HOOKS_KEY] ??= [];
  return globalThis[HOOKS_KEY];
}

/** Registers a step of stopping the process; it is given the deadline (epoch ms) to finish by. */
export function onShutdown(name, step) {
  hooks().push({ name, step });
}

/**
 * Runs the registered steps once, the last registered first (what was started last, such as the
 * job loop, stops before what it uses, such as the database). A failing step is logged and the
 * others still run.
 */
export async function runShutdownHooks(deadline) {
  for (const { name, step } of hooks().splice(0).reverse()) {
    try {
      await step(deadline);
    } catch (error) {
      log.error({ step: name, err: error }, `shutdown step ${name} failed`);
    }
  }
}
