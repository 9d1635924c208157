import { getDb } from "@/db/client";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { receiveIpn } from "@/lib/ipn/receive-ipn";
import { log } from "@/lib/log/logger.mjs";

/** Amazon's IPN endpoint (SNS HTTP subscription). Authenticated by the SNS signature, not a session. */
export async function POST(request: Request) {
  const body = await request.text();
  if (body.length > 256 * 1024) return Response.json({ result: "rejected", detail: "body too large" }, { status: 413 });
  try {
    const result = await receiveIpn(getDb(), { body, headers: request.headers, sourceIp: clientIpFromHeaders(request.headers) });
    return Response.json(result.body, { status: result.status });
  } catch (error) {
    log.error({ err: error }, "IPN failed");
    // A 500 makes SNS deliver again later, which is what we want when we could not store it.
    return Response.json({ result: "error" }, { status: 500 });
  }
}
