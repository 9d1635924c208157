"use client";

import Link from "next/link";
import { startTransition, useActionState, useRef, useState } from "react";
import type { OrderEntryState, CheckoutState } from "@/lib/orders/order-entry-state";
import { TextField, SelectField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { StatusBadge } from "@/components/ui/badge";
import { formatMoney, parseMajorToMinor } from "@/lib/money/money";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FieldScope } from "@/components/forms/field-scope";
import { orderEntryLabels } from "@/lib/orders/order-entry-labels";

type Option = { value: string; label: string };
type Product = Option & { recurring: boolean };

type Props = {
  products: Product[];
  mids: Array<Option & { testMode: boolean }>;
  simulations: Option[];
  emulatorAvailable: boolean;
  placeOrder: (prev: OrderEntryState, formData: FormData) => Promise<OrderEntryState>;
  createCheckout: (prev: CheckoutState, formData: FormData) => Promise<CheckoutState>;
};

const NONE = { value: "", label: "—" };
const IDLE_ORDER: OrderEntryState = { status: "idle" };
const IDLE_CHECKOUT: CheckoutState = { status: "idle" };

export function OrderEntryForm({ products, mids, simulations, emulatorAvailable, placeOrder, createCheckout }: Props) {
  const [state, dispatch, placing] = useActionState(placeOrder, IDLE_ORDER);
  const [checkout, dispatchCheckout, creating] = useActionState(createCheckout, IDLE_CHECKOUT);
  const [midId, setMidId] = useState(mids[0]?.value ?? "");
  const [firstProduct, setFirstProduct] = useState(products[0]?.value ?? "");
  const [amazonOrderId, setAmazonOrderId] = useState("");
  const [token, setToken] = useState("");
  const [seenCheckout, setSeenCheckout] = useState<CheckoutState>(checkout);
  const [simulation, setSimulation] = useState("");
  const [seenOrder, setSeenOrder] = useState<OrderEntryState>(state);
  const formRef = useRef<HTMLFormElement>(null);
  if (state !== seenOrder) {
    // A simulation is for one order: once an order was placed, the next one is a normal payment again.
    setSeenOrder(state);
    if (state.result) setSimulation("");
  }
  if (checkout !== seenCheckout) {
    // A new sandbox checkout fills the Amazon fields, as the widgets would on a lander.
    setSeenCheckout(checkout);
    if (checkout.amazonOrderId) setAmazonOrderId(checkout.amazonOrderId);
    if (checkout.accessToken) setToken(checkout.accessToken);
  }
  const errors = state.fieldErrors ?? {};
  const testMode = mids.find((m) => m.value === midId)?.testMode ?? false;
  const recurring = products.find((p) => p.value === firstProduct)?.recurring ?? false;

  return (
    <div className="grid gap-6 xl:grid-cols-3">
      <FieldScope>
        <form
          method="post"
          ref={formRef}
          onSubmit={(e) => {
            e.preventDefault();
            const formData = new FormData(e.currentTarget);
            startTransition(() => dispatch(formData));
          }}
          noValidate
          aria-label="Order entry"
          className="space-y-6 rounded-lg border border-zinc-200 bg-surface p-6 shadow-sm xl:col-span-2"
        >
          {!state.result && <ErrorSummary state={state} labels={orderEntryLabels(recurring)} />}
          <fieldset className="grid gap-4 sm:grid-cols-3">
            <legend className="mb-2 text-sm font-semibold text-zinc-900">Products</legend>
            <SelectField
              label="Product 1"
              name="product1_id"
              value={firstProduct}
              onChange={(e) => setFirstProduct(e.target.value)}
              options={products}
              error={errors.product1_id}
              className="sm:col-span-2"
            />
            <TextField label="Quantity" name="product1_qty" defaultValue="1" inputMode="numeric" error={errors.product1_qty} />
            <SelectField
              label="Product 2 (optional)"
              name="product2_id"
              options={[NONE, ...products.filter((p) => !p.recurring)]}
              error={errors.product2_id}
              className="sm:col-span-2"
            />
            <TextField label="Quantity 2" name="product2_qty" defaultValue="1" inputMode="numeric" error={errors.product2_qty} />
          </fieldset>
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-sm font-semibold text-zinc-900">Customer</legend>
            <TextField label="First name" name="firstName" error={errors.firstName} />
            <TextField label="Last name" name="lastName" error={errors.lastName} />
            <TextField label="Email" name="emailAddress" type="email" error={errors.emailAddress} hint="Leave empty to take it from Amazon." />
            <TextField label="Phone" name="phoneNumber" error={errors.phoneNumber} />
            <TextField label="Address" name="address1" error={errors.address1} className="sm:col-span-2" />
            <TextField label="City" name="city" error={errors.city} />
            <TextField label="State" name="state" error={errors.state} />
            <TextField label="Postal code" name="postalCode" error={errors.postalCode} />
            <TextField label="Country" name="country" placeholder="US" error={errors.country} />
          </fieldset>
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-sm font-semibold text-zinc-900">Amazon Pay</legend>
            <SelectField
              label="MID"
              name="amazonBillerId"
              value={midId}
              onChange={(e) => setMidId(e.target.value)}
              options={mids}
              error={errors.amazonBillerId}
              className="sm:col-span-2"
            />
            <TextField
              label={recurring ? "Billing agreement id" : "Order reference id"}
              name="amazonOrderId"
              value={amazonOrderId}
              onChange={(e) => setAmazonOrderId(e.target.value)}
              placeholder={recurring ? "C01-1234567-1234567" : "S01-1234567-1234567"}
              error={errors.amazonOrderId}
              spellCheck={false}
            />
            <TextField
              label="Address consent token"
              name="amazonAddressConsent"
              value={token}
              onChange={(e) => setToken(e.target.value)}
              placeholder="Atza|…"
              error={errors.amazonAddressConsent}
              spellCheck={false}
            />
            {testMode && (
              <SelectField
                label="Sandbox simulation"
                name="sandbox_simulation"
                value={simulation}
                onChange={(e) => setSimulation(e.target.value)}
                options={simulations}
                className="sm:col-span-2"
                hint="Makes Amazon's sandbox answer with this outcome, for the next order only."
              />
            )}
          </fieldset>
          <div className="flex justify-end">
            <Button type="submit" disabled={placing}>
              {placing ? "Placing order…" : "Place order"}
            </Button>
          </div>
        </form>
      </FieldScope>
      <div className="space-y-6">
        {emulatorAvailable && testMode && (
          <form
            method="post"
            onSubmit={(e) => {
              e.preventDefault();
              const formData = new FormData();
              formData.set("amazonBillerId", midId);
              formData.set("checkout_type", recurring ? "BillingAgreement" : "OrderReference");
              startTransition(() => dispatchCheckout(formData));
            }}
            aria-label="Sandbox checkout"
            className="rounded-lg border border-amber-200 bg-amber-50 p-5"
          >
            <p className="text-sm font-semibold text-amber-900">Sandbox buyer</p>
            <p className="mt-1 text-xs text-amber-800">
              Creates {recurring ? "a billing agreement" : "an order reference"} at the emulator with a buyer, address and wallet, and fills the Amazon fields.
            </p>
            {checkout.message && (
              <p className={checkout.status === "error" ? "mt-2 text-xs text-red-700" : "mt-2 text-xs text-amber-900"}>{checkout.message}</p>
            )}
            <Button type="submit" variant="secondary" size="sm" className="mt-3" disabled={creating}>
              Create sandbox checkout
            </Button>
          </form>
        )}
        {state.result && (
          <section aria-label="Order result" className="rounded-lg border border-zinc-200 bg-surface p-5 shadow-sm">
            <div className="flex items-center justify-between gap-2">
              <p className="text-sm font-semibold text-zinc-900">Order #{state.result.orderId}</p>
              <span className="flex gap-1">
                <StatusBadge kind="order" status={state.result.orderStatus} />
                {state.result.responseType && <StatusBadge status={state.result.responseType} />}
              </span>
            </div>
            <p className={state.status === "error" ? "mt-2 text-sm text-red-700" : "mt-2 text-sm text-emerald-800"}>
              {state.status === "error"
                ? state.message
                : state.result.orderStatus === "AUTHORIZED"
                  ? `Authorized ${formatMoney(parseMajorToMinor(state.result.totalAmount, state.result.currency) ?? 0, state.result.currency)} — capture it from the order page.`
                  : `Charged ${state.result.amountPaid} ${state.result.currency}.`}
            </p>
            <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
              <dt className="text-muted">Amazon order</dt>
              <dd className="font-mono">{state.result.amazonOrderReferenceId ?? "—"}</dd>
              <dt className="text-muted">Authorization</dt>
              <dd className="font-mono">{state.result.amazonAuthorizationId ?? "—"}</dd>
              <dt className="text-muted">Capture</dt>
              <dd className="font-mono">{state.result.amazonCaptureId ?? "—"}</dd>
              {state.result.declineReason && (
                <>
                  <dt className="text-muted">Reason</dt>
                  <dd className="font-mono">{state.result.declineReason}</dd>
                </>
              )}
            </dl>
            <Link href={`/orders/${state.result.orderId}`} className="mt-3 inline-block text-sm font-medium text-accent-700 hover:underline">
              Open order #{state.result.orderId} →
            </Link>
          </section>
        )}
      </div>
    </div>
  );
}
