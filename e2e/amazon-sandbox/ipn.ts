import { createSign, randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { PaymentObject, Seller } from "./types";
import { formatTimestamp } from "./clock";
import { IPN_NAMESPACE } from "./xml";
import { renderAuthorization, renderBillingAgreement, renderCapture, renderOrderReference, renderRefund } from "./render";
import { ORDER_REFERENCE_LIFETIME_MS } from "./rules";
import { isLiveId } from "./store";

export type IpnOptions = {
  /** Attempts per notification including the first (SNS retries for 14 days; we stay bounded). */
  maxAttempts: number;
  /** First retry delay; each next one is 4× longer. */
  retryBaseMs: number;
  /** Per-attempt timeout. */
  timeoutMs: number;
};

export type IpnDelivery = {
  notificationType: string;
  objectId: string;
  state: string;
  url: string;
  attempts: number;
  delivered: boolean;
  lastStatus?: number;
};

export type IpnSender = {
  announce(object: PaymentObject): void;
  deliveries: IpnDelivery[];
  idle(): Promise<void>;
  stop(): void;
};

/** States Amazon does not announce: Draft objects and Pending transactions (§11, last bullet). */
function isAnnounced(object: PaymentObject): boolean {
  return object.status.state !== "Draft" && object.status.state !== "Pending";
}

/** SNS gives up on a 4xx answer (the endpoint refused it); only 5xx and no answer are retried (§8.1). */
function isRefusal(status: number): boolean {
  return status >= 400 && status < 500;
}

function buildNotificationData(object: PaymentObject, now: number): { type: string; xml: string } {
  const wrap = (root: string, body: string): string => `<?xml version="1.0" encoding="UTF-8"?><${root} xmlns="${IPN_NAMESPACE}">${body}</${root}>`;
  switch (object.kind) {
    case "OrderReference":
      return {
        type: "OrderReferenceNotification",
        xml: wrap(
          "OrderReferenceNotification",
          renderOrderReference(object, { flavour: "ipn", reveal: false, expirationMs: ORDER_REFERENCE_LIFETIME_MS, live: false }),
        ),
      };
    case "Authorization":
      return { type: "PaymentAuthorize", xml: wrap("AuthorizationNotification", renderAuthorization(object, "ipn")) };
    case "Capture":
      return { type: "PaymentCapture", xml: wrap("CaptureNotification", renderCapture(object, "ipn")) };
    case "Refund":
      return { type: "PaymentRefund", xml: wrap("RefundNotification", renderRefund(object, "ipn")) };
    case "BillingAgreement":
      return {
        type: "BillingAgreementNotification",
        xml: wrap("BillingAgreementNotification", renderBillingAgreement(object, { flavour: "ipn", reveal: false, now, live: false })),
      };
  }
}

/** SNS SignatureVersion 1 string to sign (§8.3): Name\nValue\n for each field in byte order. */
export function buildSnsStringToSign(envelope: Record<string, string>): string {
  const fields = ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"];
  return fields
    .filter((name) => envelope[name] !== undefined)
    .map((name) => `${name}\n${envelope[name]}\n`)
    .join("");
}

/**
 * The SNS POST Amazon sends for an object's current state: headers and the signed envelope
 * (body). The sender delivers these; `POST /_sandbox/notifications` hands some out unsent.
 */
export function buildSignedNotification(
  object: PaymentObject,
  seller: Seller,
  input: { now: number; privateKeyPem: string; certUrl: string },
): { notificationType: string; headers: Record<string, string>; body: string } {
  const data = buildNotificationData(object, input.now);
  const message = JSON.stringify({
    NotificationReferenceId: randomUUID(),
    NotificationType: data.type,
    SellerId: seller.sellerId,
    ReleaseEnvironment: isLiveId(object.id) ? "Live" : "Sandbox",
    Version: "2013-01-01",
    NotificationData: data.xml,
    Timestamp: formatTimestamp(input.now),
  });
  const topicArn = `arn:aws:sns:us-east-1:000000000000:${seller.sellerId}`;
  const envelope: Record<string, string> = {
    Type: "Notification",
    MessageId: randomUUID(),
    TopicArn: topicArn,
    Message: message,
    Timestamp: formatTimestamp(input.now),
    SignatureVersion: "1",
  };
  envelope.Signature = createSign("RSA-SHA1").update(buildSnsStringToSign(envelope)).sign(input.privateKeyPem, "base64");
  envelope.SigningCertURL = input.certUrl;
  envelope.UnsubscribeURL = `${input.certUrl.replace(/\/_sandbox\/ipn-cert\.pem$/, "")}/_sandbox/unsubscribe?SubscriptionArn=${encodeURIComponent(topicArn)}`;
  const headers = {
    "content-type": "text/plain; charset=UTF-8",
    "user-agent": "Amazon Simple Notification Service Agent",
    "x-amz-sns-message-type": "Notification",
    "x-amz-sns-message-id": envelope.MessageId,
    "x-amz-sns-topic-arn": topicArn,
    "x-amz-sns-subscription-arn": `${topicArn}:${randomUUID()}`,
  };
  return { notificationType: data.type, headers, body: JSON.stringify(envelope) };
}

export function createIpnSender(input: {
  options: IpnOptions;
  privateKeyPem: string;
  certUrl: () => string;
  now: () => number;
  findSeller: (sellerId: string) => Seller | undefined;
}): IpnSender {
  const deliveries: IpnDelivery[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let waiters: Array<() => void> = [];
  let stopped = false;

  const settle = (): void => {
    if (inFlight === 0) {
      for (const wake of waiters) wake();
      waiters = [];
    }
  };

  const post = (url: string, headers: Record<string, string>, body: string): Promise<number> =>
    new Promise((resolve) => {
      const target = new URL(url);
      const send = target.protocol === "https:" ? httpsRequest : httpRequest;
      const req = send(
        target,
        { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) }, timeout: input.options.timeoutMs },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("timeout", () => req.destroy());
      req.on("error", () => resolve(0));
      req.end(body);
    });

  const attempt = async (delivery: IpnDelivery, headers: Record<string, string>, body: string): Promise<void> => {
    delivery.attempts += 1;
    const status = await post(delivery.url, headers, body);
    delivery.lastStatus = status;
    if (status >= 200 && status < 300) {
      delivery.delivered = true;
    } else if (!stopped && !isRefusal(status) && delivery.attempts < input.options.maxAttempts) {
      inFlight += 1;
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          void attempt(delivery, headers, body).finally(() => {
            inFlight -= 1;
            settle();
          });
        },
        input.options.retryBaseMs * 4 ** (delivery.attempts - 1),
      );
      timers.add(timer);
    }
  };

  return {
    deliveries,
    announce(object) {
      const seller = input.findSeller(object.sellerId);
      if (stopped || !seller?.ipnUrl || !isAnnounced(object)) return;
      const { headers, body, notificationType } = buildSignedNotification(object, seller, {
        now: input.now(),
        privateKeyPem: input.privateKeyPem,
        certUrl: input.certUrl(),
      });
      const delivery: IpnDelivery = { notificationType, objectId: object.id, state: object.status.state, url: seller.ipnUrl, attempts: 0, delivered: false };
      deliveries.push(delivery);
      inFlight += 1;
      // Sent after the API response that caused it, like SNS: never inside the request.
      setImmediate(() => {
        void attempt(delivery, headers, body).finally(() => {
          inFlight -= 1;
          settle();
        });
      });
    },
    idle() {
      return inFlight === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
    },
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      inFlight = 0;
      settle();
    },
  };
}
