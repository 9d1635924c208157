import { Agent, request } from "node:http";
import { percentile, round1 } from "./percentile";

export type RoundResult = {
  ordersPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  completed: number;
  firstError?: string;
};

type Answer = { status: number; body: string };

function postForm(agent: Agent, url: URL, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        agent,
        headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** The Import Order success contract: HTTP 200, result SUCCESS, order COMPLETE. Anything else is an error. */
function isCompleteOrder(answer: Answer): boolean {
  if (answer.status !== 200) return false;
  try {
    const parsed = JSON.parse(answer.body) as { result?: unknown; message?: { orderStatus?: unknown } };
    return parsed.result === "SUCCESS" && parsed.message?.orderStatus === "COMPLETE";
  } catch {
    return false;
  }
}

/**
 * Sends every body once, keeping `concurrency` requests in flight (closed loop: each worker
 * sends its next order as soon as the previous answer arrives). Throughput is completed orders
 * over the wall time of the whole round; latency covers every request, failed ones included.
 * Given several URLs (app processes behind no proxy), the n-th body goes to the (n mod count)-th,
 * as a round-robin load balancer would send it.
 */
export async function runRound(url: string | string[], bodies: string[], concurrency: number): Promise<RoundResult> {
  const targets = (Array.isArray(url) ? url : [url]).map((u) => new URL(u));
  // One socket per worker, kept alive, so connection setup is not part of the measurement.
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let next = 0;
  let completed = 0;
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, bodies.length) }, async () => {
      while (next < bodies.length) {
        const n = next++;
        const body = bodies[n];
        const target = targets[n % targets.length];
        const sentAt = performance.now();
        let answer: Answer;
        try {
          answer = await postForm(agent, target, body);
        } catch (error) {
          answer = { status: 0, body: error instanceof Error ? error.message : String(error) };
        }
        latencies.push(performance.now() - sentAt);
        if (isCompleteOrder(answer)) completed += 1;
        else {
          errors += 1;
          firstError ??= `HTTP ${answer.status}: ${answer.body.slice(0, 300)}`;
        }
      }
    }),
  );
  const elapsedSec = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    ordersPerSec: round1(completed / elapsedSec),
    p50Ms: round1(percentile(latencies, 50)),
    p99Ms: round1(percentile(latencies, 99)),
    errors,
    completed,
    firstError,
  };
}
