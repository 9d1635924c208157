import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/current-user";
import { getOrderDetail } from "@/lib/orders/get-order-detail";
import { parseIdParam } from "@/lib/parse-id-param";
import { DomainError } from "@/lib/errors";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Table, Th, Td } from "@/components/ui/table";
import { Money } from "@/components/ui/money";
import { LocalTime } from "@/components/ui/local-time";
import { Badge, ModeBadge, StatusBadge } from "@/components/ui/badge";
import { DispositionBadge } from "@/components/ipn/disposition-badge";
import { isIpnDisposition } from "@/lib/ipn/ipn-disposition";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { RefundForm } from "@/components/orders/refund-form";
import { can } from "@/lib/auth/permissions";
import { readRefundable } from "@/lib/orders/refund-order";
import { formatMinorPlain } from "@/lib/money/money";
import { cancelOrderAction, captureOrderAction, markRefundedExternallyAction, refundOrderAction, voidAuthorizationAction } from "../actions";
import { CancelForm } from "@/components/orders/cancel-form";
import { CaptureForm } from "@/components/orders/capture-form";
import { VoidForm } from "@/components/orders/void-form";
import { readAuthorization } from "@/lib/orders/read-authorization";
import { readOrderMoneyState } from "@/lib/orders/order-money-state";
import { statusLabel } from "@/lib/status-vocabulary";
import { RefreshWhilePending } from "@/components/orders/refresh-while-pending";
import { OrderMoneyNote } from "@/components/orders/order-money-note";
import { TransactionAmount } from "@/components/transactions/transaction-amount";
import { ReasonNote } from "@/components/transactions/reason-note";
import { readOrderTimeline } from "@/lib/orders/order-timeline";
import { MAX_NOTE_LENGTH } from "@/lib/orders/add-order-note";
import { OrderTimeline } from "@/components/orders/order-timeline";
import { OrderNoteForm } from "@/components/orders/order-note-form";
import { addOrderNoteAction } from "../note-actions";
import { titleOfOrder } from "@/lib/page-titles/entity-titles";

export const generateMetadata = async ({ params }: { params: Promise<{ id: string }> }) => ({ title: titleOfOrder((await params).id) });

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-2 py-1.5 text-sm">
      <dt className="text-muted">{label}</dt>
      <dd className="col-span-2 break-all text-zinc-900">{children ?? "—"}</dd>
    </div>
  );
}

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("orders.read");
  const id = parseIdParam((await params).id);
  if (id === null) notFound();
  let detail;
  try {
    detail = await getOrderDetail(getDb(), actor, id);
  } catch (error) {
    if (error instanceof DomainError) notFound();
    throw error;
  }
  const { order, mid, campaign, customer, items, charges, calls, ipns, parent, upsells, subscription } = detail;
  const refundable = can(actor.role, "orders.refund") ? await readRefundable(getDb(), order.id) : null;
  const held = can(actor.role, "orders.refund") && order.status === "AUTHORIZED" ? await readAuthorization(getDb(), order.id) : null;
  const midLabel = mid ? `MID #${mid.id} ${mid.title}` : `MID #${order.midId}`;
  const money = readOrderMoneyState(order.status, charges);
  const address = [
    order.shipName,
    order.shipAddress1,
    order.shipAddress2,
    [order.shipCity, order.shipState, order.shipPostalCode].filter(Boolean).join(" "),
    order.shipCountry,
  ].filter(Boolean);

  return (
    <>
      <PageHeader
        back={{ href: "/orders", label: "Orders" }}
        title={
          <span className="flex flex-wrap items-center gap-2">
            Order #{order.id} <OrderStatusBadge status={order.status} />
            {money.capturePendingMinor > 0 && (
              <Badge tone="blue" className="gap-1">
                Capture pending <Money minor={money.capturePendingMinor} currency={order.currency} />
              </Badge>
            )}
            {money.refundPendingMinor > 0 && (
              <Badge tone="violet" className="gap-1">
                Refund pending <Money minor={money.refundPendingMinor} currency={order.currency} />
              </Badge>
            )}
          </span>
        }
        description={
          <>
            Placed <LocalTime ms={order.createdAt} /> via {order.source.replace("_", " ")}
            {campaign ? ` · ${campaign.name}` : ""}
          </>
        }
      />
      <RefreshWhilePending pending={money.isPending} />
      {order.customerMessage && order.status !== "COMPLETE" && (
        <div className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <span className="font-medium">{order.declineReason}</span> — {order.customerMessage}
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-3 [&>*]:min-w-0">
        <Card title="Customer">
          <dl>
            <Field label="Name">{[order.firstName, order.lastName].filter(Boolean).join(" ") || "—"}</Field>
            <Field label="Email">
              {customer ? (
                <Link className="text-accent-700 hover:underline" href={`/customers/${customer.id}`}>
                  {customer.email}
                </Link>
              ) : (
                order.email
              )}
            </Field>
            <Field label="Phone">{order.phone}</Field>
            <Field label="Ship to">
              {address.length
                ? address.map((l) => (
                    <span key={l} className="block">
                      {l}
                    </span>
                  ))
                : "—"}
            </Field>
            <Field label="IP">{order.ipAddress}</Field>
          </dl>
        </Card>
        <Card title="Amazon">
          <dl>
            <Field label="MID">
              {mid ? (
                <Link href={`/mids/${mid.id}`} className="text-accent-700 hover:underline">
                  #{mid.id} {mid.title}
                </Link>
              ) : (
                order.midId
              )}{" "}
              {mid && <ModeBadge testMode={mid.testMode} />}
            </Field>
            <Field label="Order ref.">{order.amazonOrderReferenceId && <span className="font-mono text-xs">{order.amazonOrderReferenceId}</span>}</Field>
            <Field label="Billing agr.">{order.amazonBillingAgreementId && <span className="font-mono text-xs">{order.amazonBillingAgreementId}</span>}</Field>
            <Field label="Parent">
              {parent ? (
                <Link href={`/orders/${parent.id}`} className="text-accent-700 hover:underline">
                  #{parent.id}
                </Link>
              ) : (
                "—"
              )}
            </Field>
            <Field label="Upsells">
              {upsells.length
                ? upsells.map((u) => (
                    <Link key={u.id} href={`/orders/${u.id}`} className="mr-2 text-accent-700 hover:underline">
                      #{u.id}
                    </Link>
                  ))
                : "—"}
            </Field>
          </dl>
        </Card>
        <Card title="Totals">
          <dl>
            <Field label="Subtotal">
              <Money minor={order.subtotalMinor} currency={order.currency} />
            </Field>
            <Field label="Shipping">
              <Money minor={order.shippingMinor} currency={order.currency} />
            </Field>
            <Field label="Total">
              <span className="font-semibold">
                <Money minor={order.totalMinor} currency={order.currency} />
              </span>
            </Field>
            <Field label="Captured">
              {money.capturedMinor > 0 || order.status !== "AUTHORIZED" ? <Money minor={money.capturedMinor} currency={order.currency} /> : null}
              <OrderMoneyNote
                status={order.status}
                totalMinor={money.authorizedMinor || order.totalMinor}
                currency={order.currency}
                capturePendingMinor={money.capturePendingMinor}
                where="order"
              />
            </Field>
            <Field label="Refunded">
              {order.refundedMinor > 0 ? (
                <span className="text-violet-700">
                  <Money minor={-order.refundedMinor} currency={order.currency} />
                </span>
              ) : (
                <Money minor={0} currency={order.currency} />
              )}
              {money.refundPendingMinor > 0 && (
                <span className="mt-0.5 block text-[11px] font-medium text-violet-700">
                  Refund pending <Money minor={money.refundPendingMinor} currency={order.currency} />
                </span>
              )}
            </Field>
            <Field label="Net">
              <span className="font-semibold">
                <Money minor={money.capturedMinor - order.refundedMinor} currency={order.currency} />
              </span>
            </Field>
          </dl>
          {subscription && (
            <div className="mt-3 rounded-md bg-violet-50 px-3 py-2 text-xs text-violet-900">
              Subscription {statusLabel("subscription", subscription.status).toLowerCase()}:{" "}
              <Money minor={subscription.rebillPriceMinor} currency={subscription.currency} /> every {subscription.cycleDays} days, next{" "}
              <LocalTime ms={subscription.nextBillAt} />
            </div>
          )}
        </Card>
        {refundable && refundable.refundableMinor > 0 && refundable.sale.amazonCaptureId && (
          <Card title="Refund" description="Sent to Amazon; pending until Amazon confirms it (IPN)." className="lg:col-span-3">
            <RefundForm
              action={refundOrderAction.bind(null, order.id)}
              refundable={formatMinorPlain(refundable.refundableMinor, order.currency)}
              currency={order.currency}
              midLabel={midLabel}
            />
            <details className="mt-4 text-sm">
              <summary className="cursor-pointer text-zinc-600">Refunded outside MID Console (e.g. in Seller Central)?</summary>
              <div className="mt-3">
                <RefundForm
                  external
                  action={markRefundedExternallyAction.bind(null, order.id)}
                  refundable={formatMinorPlain(refundable.refundableMinor, order.currency)}
                  currency={order.currency}
                  midLabel={midLabel}
                />
              </div>
            </details>
          </Card>
        )}
        {held && (held.open || held.capture?.status === "PENDING") && (
          <Card
            title="Authorization"
            description={
              held.capture
                ? "A capture was sent to Amazon and is not confirmed yet; capturing again asks Amazon about the same capture, never a second one."
                : "Amazon holds the funds (up to 30 days) but has not charged the buyer. Capture when the order ships, or void it."
            }
            className="lg:col-span-3"
          >
            <div className="grid gap-6 sm:grid-cols-2">
              <div>
                <h3 className="mb-2 text-sm font-medium text-zinc-800">Capture</h3>
                <CaptureForm
                  action={captureOrderAction.bind(null, order.id)}
                  amount={formatMinorPlain(held.authorization.amountMinor, order.currency)}
                  currency={order.currency}
                  midLabel={midLabel}
                />
              </div>
              {held.open && (
                <div>
                  <h3 className="mb-2 text-sm font-medium text-zinc-800">Void</h3>
                  <VoidForm
                    action={voidAuthorizationAction.bind(null, order.id)}
                    amount={formatMinorPlain(held.authorization.amountMinor, order.currency)}
                    currency={order.currency}
                    midLabel={midLabel}
                  />
                </div>
              )}
            </div>
          </Card>
        )}
        {can(actor.role, "orders.refund") &&
          !refundable &&
          ["DECLINED", "ERROR"].includes(order.status) &&
          (order.amazonOrderReferenceId || order.amazonBillingAgreementId) && (
            <Card
              title="Cancel"
              description="The order was never charged; cancel it at Amazon so the buyer's Amazon account shows it closed."
              className="lg:col-span-3"
            >
              <CancelForm
                action={cancelOrderAction.bind(null, order.id)}
                amazonId={(order.amazonOrderReferenceId ?? order.amazonBillingAgreementId) as string}
              />
            </Card>
          )}
        <Card title="Activity" description="Who charged, captured, refunded, voided or canceled, why and when; staff notes." className="lg:col-span-3">
          <div className="grid gap-6 lg:grid-cols-3">
            <div className="lg:col-span-2">
              <OrderTimeline events={await readOrderTimeline(getDb(), order.id)} />
            </div>
            {can(actor.role, "orders.note") && (
              <div>
                <OrderNoteForm action={addOrderNoteAction.bind(null, order.id)} maxLength={MAX_NOTE_LENGTH} />
              </div>
            )}
          </div>
        </Card>
        <Card title="Items" className="lg:col-span-3">
          <Table label="Items">
            <thead>
              <tr>
                <Th>Product</Th>
                <Th priority="md">Billing</Th>
                <Th align="right">Qty</Th>
                <Th align="right">Price</Th>
                <Th align="right" priority="md">
                  Shipping
                </Th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id}>
                  <Td>
                    {i.name}
                    <span className="block font-mono text-xs text-muted">{i.sku}</span>
                  </Td>
                  <Td priority="md">{i.billingType === "recurring" ? <Badge tone="violet">Recurring</Badge> : <Badge tone="slate">One-time</Badge>}</Td>
                  <Td align="right">{i.quantity}</Td>
                  <Td align="right">
                    <Money minor={i.unitPriceMinor} currency={order.currency} />
                  </Td>
                  <Td align="right" priority="md">
                    <Money minor={i.shippingMinor} currency={order.currency} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card title="Transactions" className="lg:col-span-3">
          <Table label="Transactions">
            <thead>
              <tr>
                <Th priority="md">When</Th>
                <Th>Type</Th>
                <Th>Response</Th>
                <Th align="right">Amount</Th>
                <Th priority="xl">Reference</Th>
                <Th priority="lg">Amazon ids</Th>
                <Th priority="md">Reason</Th>
              </tr>
            </thead>
            <tbody>
              {charges.map((t) => (
                <tr key={t.id} className={t.type === "REFUND" ? "bg-violet-50/40" : undefined}>
                  <Td priority="md">
                    <LocalTime ms={t.createdAt} />
                  </Td>
                  <Td className={t.type === "REFUND" ? "text-xs font-medium text-violet-700" : "text-xs"}>{statusLabel("transactionType", t.type)}</Td>
                  <Td>
                    <StatusBadge status={t.status} />
                  </Td>
                  <Td align="right">
                    <TransactionAmount type={t.type} status={t.status} minor={t.amountMinor} currency={t.currency} />
                  </Td>
                  <Td priority="xl" className="font-mono text-xs">
                    {t.referenceId}
                  </Td>
                  <Td priority="lg" className="font-mono text-xs">
                    {[t.amazonAuthorizationId, t.amazonCaptureId, t.amazonRefundId].filter(Boolean).map((x) => (
                      <span key={x} className="block">
                        {x}
                      </span>
                    ))}
                    {t.amazonState && <span className="block text-muted">{t.amazonState}</span>}
                  </Td>
                  <Td priority="md" className="text-xs">
                    <ReasonNote status={t.status} reasonCode={t.reasonCode} />
                    {t.customerMessage && <span className="block text-muted">{t.customerMessage}</span>}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card title="Amazon calls" description="Every request to Amazon for this order, parameters redacted." className="lg:col-span-2">
          {calls.length === 0 ? (
            <p className="text-sm text-muted">No calls recorded.</p>
          ) : (
            <ol className="space-y-1.5 text-xs" aria-label="Amazon calls">
              {calls.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center gap-2">
                  <span className="w-36 text-muted">
                    <LocalTime ms={c.createdAt} />
                  </span>
                  <span className="font-mono font-medium">{c.action}</span>
                  <Badge tone={c.httpStatus === 200 ? "green" : c.httpStatus && c.httpStatus < 500 ? "amber" : "red"}>{c.httpStatus ?? "no answer"}</Badge>
                  {c.errorCode && <span className="font-mono text-red-700">{c.errorCode}</span>}
                  {c.attempt > 1 && <span className="text-muted">attempt {c.attempt}</span>}
                  <span className="text-muted">{c.durationMs} ms</span>
                </li>
              ))}
            </ol>
          )}
        </Card>
        <Card title="IPNs" description="Amazon's notifications about this order.">
          {ipns.length === 0 ? (
            <p className="text-sm text-muted">None received.</p>
          ) : (
            <ul className="space-y-1.5 text-xs" aria-label="IPNs">
              {ipns.map((n) => (
                <li key={n.id} className="flex flex-wrap items-center gap-2">
                  <span className="font-mono">{n.type}</span>
                  {isIpnDisposition(n.disposition) ? (
                    <DispositionBadge disposition={n.disposition} />
                  ) : (
                    <StatusBadge kind="ipn" status={n.verified ? "verified" : "rejected"} />
                  )}
                  {n.applyResult && <span className="text-muted">{n.applyResult}</span>}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
