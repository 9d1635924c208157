import { spawn, type ChildProcess } from "node:child_process";

export type Child = { name: string; process: ChildProcess; stop(): Promise<void> };

const running = new Set<Child>();

/** Sends a signal to the child's whole process group (it was started detached as its own group). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Starts a server process in its own process group so that stopping it also stops anything it
 * spawned (a wrapper must never leave a server listening after the benchmark).
 */
export function startChild(name: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const proc = spawn(process.execPath, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  // Keep the last output for error reports; do not echo it, so the bench output stays readable.
  let tail = "";
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  proc.stdout?.on("data", keep);
  proc.stderr?.on("data", keep);
  proc.on("exit", (code, signal) => {
    if (running.has(child)) console.error(`[bench] ${name} exited early (code ${code}, signal ${signal}). Last output:\n${tail}`);
  });
  const child: Child = {
    name,
    process: proc,
    async stop() {
      running.delete(child);
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
      signalGroup(proc, "SIGTERM");
      const timer = setTimeout(() => signalGroup(proc, "SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(child);
  return child;
}

export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((child) => child.stop()));
}

/** Last-resort cleanup when the runner dies without reaching its `finally` (Ctrl-C, crash). */
export function killAllChildrenNow(): void {
  for (const child of running) signalGroup(child.process, "SIGKILL");
  running.clear();
}

/** Polls `url` until it answers with any HTTP status (the server is listening and routing). */
export async function waitForHttp(child: Child, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) throw new Error(`${child.name} exited before it was ready`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`${child.name} did not answer at ${url} within ${timeoutMs} ms`);
}
