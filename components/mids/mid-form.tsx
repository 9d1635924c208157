"use client";

import { useState } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormState } from "@/lib/form-state";
import { REGION_CURRENCIES, REGION_LABELS, DESCRIPTOR_MAX } from "@/lib/mids/mid-rules";
import { CURRENCIES } from "@/lib/values/currencies";
import { REGIONS, type Region } from "@/lib/values/regions";
import { TextField, SelectField, CheckboxField } from "@/components/ui/field";
import { Button, LinkButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FieldScope } from "@/components/forms/field-scope";

/** For the error summary: each field's label, as on the form. */
const LABELS: Record<string, string> = {
  merchant_id: "Seller ID",
  access_key: "MWS access key",
  secret_key: "MWS secret key",
  mws_auth_token: "MWS auth token",
  client_id: "Login with Amazon client ID",
  client_secret: "Login with Amazon client secret",
  region: "Region",
  currency: "Currency",
  title: "Title",
  mid_number: "MID number",
  descriptor: "Descriptor",
  customer_service_phone: "Customer-service phone",
  customer_service_email: "Customer-service email",
  monthly_cap: "Monthly cap",
  cap_alert_percent: "Alert at",
  discount_rate: "Discount rate",
  reserve_rate: "Reserve rate",
  transaction_fee: "Transaction fee",
  chargeback_fee: "Chargeback fee",
};

/** Non-secret values to prefill; secrets are only described as set or not set. */
export type MidFormDefaults = {
  title: string;
  mid_number: string;
  merchant_id: string;
  client_id: string;
  region: Region;
  currency: string;
  test_mode: boolean;
  descriptor: string;
  customer_service_phone: string;
  customer_service_email: string;
  monthly_cap: string;
  cap_counts_refunds: boolean;
  cap_alert_percent: string;
  discount_rate: string;
  reserve_rate: string;
  transaction_fee: string;
  chargeback_fee: string;
  enabled: boolean;
  accessKeyHint?: string;
  secretKeySet?: boolean;
  clientSecretSet?: boolean;
  mwsAuthTokenSet?: boolean;
};

type Props = {
  mode: "create" | "edit";
  defaults: MidFormDefaults;
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  cancelHref: string;
};

function Section({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <fieldset className="grid gap-6 border-b border-zinc-200 py-8 first:pt-0 md:grid-cols-3">
      <div>
        <legend className="text-sm font-semibold text-zinc-900">{title}</legend>
        <p className="mt-1 text-xs leading-5 text-muted">{description}</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 md:col-span-2">{children}</div>
    </fieldset>
  );
}

export function MidForm({ mode, defaults, action, cancelHref }: Props) {
  const { state, pending, onSubmit, formRef, errors } = useFormAction(action);
  const [region, setRegion] = useState<Region>(defaults.region);
  const [currency, setCurrency] = useState(defaults.currency);
  // A new MID's currency follows its region until the operator picks one; a saved MID's is a choice already.
  const [currencyChosen, setCurrencyChosen] = useState(mode === "edit");
  const chooseRegion = (next: Region) => {
    setRegion(next);
    const allowed: readonly string[] = REGION_CURRENCIES[next];
    if (!currencyChosen || !allowed.includes(currency)) setCurrency(allowed[0]);
  };
  const secretHint = (isSet: boolean | undefined) => (mode === "edit" ? (isSet ? "Set · leave blank to keep the stored value" : "Not set") : undefined);

  // useFormAction submits from onSubmit, so on field errors every typed value stays in the
  // browser, secrets included, without the server ever sending a value back.
  return (
    <FieldScope>
      <form
        method="post"
        ref={formRef}
        onSubmit={onSubmit}
        noValidate
        className="rounded-lg border border-zinc-200 bg-surface px-6 py-8 shadow-sm"
        aria-label="MID"
      >
        {state.status === "error" && (
          <div className="mb-6">
            <ErrorSummary state={state} labels={LABELS} />
          </div>
        )}
        <Section
          title="Amazon credentials"
          description="From Seller Central → Integration → MWS Access Key, and Login with Amazon. Secrets are encrypted and can never be read back."
        >
          <TextField
            label="Seller ID (merchant_id)"
            name="merchant_id"
            defaultValue={defaults.merchant_id}
            error={errors.merchant_id}
            placeholder="A2K7NDRCTOTPW9"
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            label="MWS access key"
            name="access_key"
            error={errors.access_key}
            placeholder={mode === "edit" ? "Leave blank to keep" : "AKIA…"}
            hint={mode === "edit" ? `Set · ends in ${defaults.accessKeyHint?.slice(-4) ?? ""}` : undefined}
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            label="MWS secret key"
            name="secret_key"
            type="password"
            error={errors.secret_key}
            hint={secretHint(defaults.secretKeySet)}
            autoComplete="new-password"
          />
          <TextField
            label="MWS auth token (optional)"
            name="mws_auth_token"
            type="password"
            error={errors.mws_auth_token}
            hint={secretHint(defaults.mwsAuthTokenSet) ?? "Only when calling on behalf of another seller."}
            autoComplete="off"
          />
          <TextField
            label="Login with Amazon client ID"
            name="client_id"
            defaultValue={defaults.client_id}
            error={errors.client_id}
            placeholder="amzn1.application-oa2-client.…"
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            label="Login with Amazon client secret"
            name="client_secret"
            type="password"
            error={errors.client_secret}
            hint={secretHint(defaults.clientSecretSet) ?? "Optional."}
            autoComplete="off"
          />
          <SelectField
            label="Region"
            name="region"
            value={region}
            onChange={(e) => chooseRegion(e.target.value as Region)}
            error={errors.region}
            options={REGIONS.map((r) => ({ value: r, label: `${r} — ${REGION_LABELS[r]}` }))}
          />
          <SelectField
            label="Currency"
            name="currency"
            value={currency}
            onChange={(e) => {
              setCurrency(e.target.value);
              setCurrencyChosen(true);
            }}
            error={errors.currency}
            hint={`Amazon Pay ${region} accepts ${REGION_CURRENCIES[region].join(", ")}.`}
            options={CURRENCIES.map((c) => ({ value: c, label: c }))}
          />
          <CheckboxField
            label="Test mode (Amazon sandbox)"
            name="test_mode"
            defaultChecked={defaults.test_mode}
            hint="Orders go to Amazon's sandbox; no real money moves."
            className="sm:col-span-2"
          />
        </Section>
        <Section title="Merchant account details" description="How the MID is named here and what buyers see on their statement.">
          <TextField label="Title" name="title" defaultValue={defaults.title} error={errors.title} placeholder="Amazon Pay US — main" />
          <TextField label="MID number (optional)" name="mid_number" defaultValue={defaults.mid_number} error={errors.mid_number} />
          <TextField
            label="Descriptor"
            name="descriptor"
            defaultValue={defaults.descriptor}
            error={errors.descriptor}
            hint={`1–${DESCRIPTOR_MAX} characters, shown on the buyer's statement.`}
            maxLength={64}
          />
          <TextField
            label="Customer-service phone"
            name="customer_service_phone"
            type="tel"
            defaultValue={defaults.customer_service_phone}
            error={errors.customer_service_phone}
            placeholder="+1 800 555 0100"
          />
          <TextField
            label="Customer-service email (optional)"
            name="customer_service_email"
            type="email"
            defaultValue={defaults.customer_service_email}
            error={errors.customer_service_email}
            className="sm:col-span-2"
          />
        </Section>
        <Section title="Limits & fees" description="The cap is never overrun: orders that would pass it are refused. Amounts are in the MID's currency.">
          <TextField
            label="Monthly cap"
            name="monthly_cap"
            inputMode="decimal"
            leading={currency}
            defaultValue={defaults.monthly_cap}
            error={errors.monthly_cap}
            placeholder="50000.00"
          />
          <TextField
            label="Alert at (% of cap)"
            name="cap_alert_percent"
            inputMode="numeric"
            trailing="%"
            defaultValue={defaults.cap_alert_percent}
            error={errors.cap_alert_percent}
          />
          <TextField
            label="Discount rate (%)"
            name="discount_rate"
            inputMode="decimal"
            trailing="%"
            defaultValue={defaults.discount_rate}
            error={errors.discount_rate}
          />
          <TextField
            label="Reserve rate (%)"
            name="reserve_rate"
            inputMode="decimal"
            trailing="%"
            defaultValue={defaults.reserve_rate}
            error={errors.reserve_rate}
          />
          <TextField
            label="Transaction fee"
            name="transaction_fee"
            inputMode="decimal"
            leading={currency}
            defaultValue={defaults.transaction_fee}
            error={errors.transaction_fee}
          />
          <TextField
            label="Chargeback fee"
            name="chargeback_fee"
            inputMode="decimal"
            leading={currency}
            defaultValue={defaults.chargeback_fee}
            error={errors.chargeback_fee}
          />
          <CheckboxField
            label="Refunds give cap room back"
            name="cap_counts_refunds"
            defaultChecked={defaults.cap_counts_refunds}
            hint="When on, refunded volume no longer counts against this month's cap."
          />
          <CheckboxField label="Enabled" name="enabled" defaultChecked={defaults.enabled} hint="Disabled MIDs take no new orders." />
        </Section>
        <div className="flex items-center justify-end gap-3 pt-6">
          <LinkButton href={cancelHref} variant="secondary">
            Cancel
          </LinkButton>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : mode === "create" ? "Create MID" : "Save changes"}
          </Button>
        </div>
      </form>
    </FieldScope>
  );
}
