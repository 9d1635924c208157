import type { Region } from "@/lib/values/regions";

type SnippetMid = { id: number; merchantId: string; clientId: string; region: Region; testMode: boolean };

const WIDGET_HOSTS: Record<Region, { host: string; path: string }> = {
  US: { host: "static-na.payments-amazon.com", path: "us" },
  UK: { host: "static-eu.payments-amazon.com", path: "uk" },
  DE: { host: "static-eu.payments-amazon.com", path: "de" },
  JP: { host: "static-fe.payments-amazon.com", path: "jp" },
};

/** Amazon's Widgets.js for the region and mode (reference §1.3). */
export function widgetScriptUrl(region: Region, testMode: boolean): string {
  const { host, path } = WIDGET_HOSTS[region];
  const lpa = region === "US" ? "" : "/lpa";
  return `https://${host}/OffAmazonPayments/${path}${testMode ? "/sandbox" : ""}${lpa}/js/Widgets.js`;
}

/**
 * The lander code for one MID: button → address book → wallet (→ consent for recurring).
 * The lander then posts the collected ids to Import Order.
 */
export function buildLanderSnippet(mid: SnippetMid, kind: "one-time" | "recurring"): string {
  const recurring = kind === "recurring";
  const idVar = recurring ? "amazonBillingAgreementId" : "amazonOrderReferenceId";
  const createHook = recurring
    ? `onReady: function (billingAgreement) { window.amazonOrderId = billingAgreement.getAmazonBillingAgreementId(); renderWallet(); renderConsent(); },`
    : `onOrderReferenceCreate: function (orderReference) { window.amazonOrderId = orderReference.getAmazonOrderReferenceId(); },\n      onReady: function () { renderWallet(); },`;
  return `<div id="AmazonPayButton"></div>
<div id="addressBookWidgetDiv" style="height:240px"></div>
<div id="walletWidgetDiv" style="height:240px"></div>${recurring ? `\n<div id="consentWidgetDiv" style="height:140px"></div>` : ""}

<script>
  window.onAmazonLoginReady = function () {
    amazon.Login.setClientId("${mid.clientId}");${mid.testMode ? "\n    amazon.Login.setSandboxMode(true);" : ""}
  };
  window.onAmazonPaymentsReady = function () {
    OffAmazonPayments.Button("AmazonPayButton", "${mid.merchantId}", {
      type: "PwA", color: "Gold", size: "medium",
      authorization: function () {
        amazon.Login.authorize(
          { scope: "profile payments:widget payments:shipping_address", popup: true },
          function (response) { window.amazonAddressConsent = response.access_token; renderAddressBook(); }
        );
      }
    });
  };
  function renderAddressBook() {
    new OffAmazonPayments.Widgets.AddressBook({
      sellerId: "${mid.merchantId}",${recurring ? `\n      agreementType: "BillingAgreement",` : ""}
      ${createHook}
      design: { designMode: "responsive" },
      onError: function (error) { console.error(error.getErrorCode(), error.getErrorMessage()); }
    }).bind("addressBookWidgetDiv");
  }
  function renderWallet() {
    new OffAmazonPayments.Widgets.Wallet({
      sellerId: "${mid.merchantId}",${recurring ? `\n      ${idVar}: window.amazonOrderId,` : ""}
      design: { designMode: "responsive" },
      onError: function (error) { console.error(error.getErrorCode(), error.getErrorMessage()); }
    }).bind("walletWidgetDiv");
  }${
    recurring
      ? `
  function renderConsent() {
    new OffAmazonPayments.Widgets.Consent({
      sellerId: "${mid.merchantId}",
      amazonBillingAgreementId: window.amazonOrderId,
      design: { designMode: "responsive" },
      onConsent: function (consent) { window.amazonBuyerConsent = consent.getConsentStatus(); },
      onError: function (error) { console.error(error.getErrorCode(), error.getErrorMessage()); }
    }).bind("consentWidgetDiv");
  }`
      : ""
  }
</script>
<script async src="${widgetScriptUrl(mid.region, mid.testMode)}"></script>`;
}

/** The Import Order fields a lander sends for this MID (Konnektive-compatible names). */
export function buildImportOrderParams(mid: SnippetMid): Array<{ name: string; value: string }> {
  return [
    { name: "paySource", value: "AMAZON" },
    { name: "amazonBillerId", value: String(mid.id) },
    { name: "amazonOrderId", value: "window.amazonOrderId (order reference, or billing agreement for recurring)" },
    { name: "amazonAddressConsent", value: "window.amazonAddressConsent (the Login with Amazon access token)" },
  ];
}
