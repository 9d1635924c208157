import http from "node:http";
import type { AddressInfo } from "node:net";

/** A tiny real HTTP peer for transport tests: records requests, answers from a script. */
export type RecordedRequest = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };
export type Reply = { status: number; body: string; headers?: Record<string, string> } | "hang" | "destroy";
export type Responder = (request: RecordedRequest, index: number) => Reply;

export async function startLocalServer(responder: Responder) {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(recorded);
      const reply = responder(recorded, requests.length - 1);
      if (reply === "hang") return;
      if (reply === "destroy") {
        req.socket.destroy();
        return;
      }
      res.writeHead(reply.status, { "Content-Type": "text/xml", ...reply.headers });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type LocalServer = Awaited<ReturnType<typeof startLocalServer>>;
