/**
 * `npm run bench [-- part…]`: runs the named benchmark parts (all when none is named), prints
 * each part's readable table, and ends with one JSON line `{"<part>":{…},…}` for tools to read.
 * A part is a module exporting one async function; add new parts to PARTS.
 */
import { killAllChildrenNow } from "./child-process";

type Part = () => Promise<Record<string, unknown>>;

const PARTS: Record<string, Part> = {
  orders: async () => (await import("./orders-bench")).runOrdersBench(),
  browse: async () => (await import("./browse-bench")).runBrowseBench(),
  scale: async () => (await import("./scale-bench")).runScaleBench(),
};

async function main(): Promise<void> {
  const requested = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
  const unknown = requested.filter((name) => !(name in PARTS));
  if (unknown.length > 0) throw new Error(`unknown bench part(s): ${unknown.join(", ")}; known: ${Object.keys(PARTS).join(", ")}`);
  const names = requested.length > 0 ? requested : Object.keys(PARTS);
  const figures: Record<string, Record<string, unknown>> = {};
  for (const name of names) figures[name] = await PARTS[name]();
  console.log(JSON.stringify(figures));
}

// Never leave a server listening, whatever way the runner ends.
process.on("SIGINT", () => {
  killAllChildrenNow();
  process.exit(130);
});
process.on("SIGTERM", () => {
  killAllChildrenNow();
  process.exit(143);
});
process.on("exit", killAllChildrenNow);

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
