/** Tiny XML writer: responses are generated, never parsed, so string building is enough. */
export const API_NAMESPACE = "http://mws.amazonservices.com/schema/OffAmazonPayments/2013-01-01";
export const IPN_NAMESPACE = "https://mws.amazonservices.com/ipn/OffAmazonPayments/2013-01-01";

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** `<name>children</name>`, or `<name/>` when empty. `undefined` children are skipped by callers via `optional`. */
export function element(name: string, ...children: string[]): string {
  const body = children.join("");
  return body === "" ? `<${name}/>` : `<${name}>${body}</${name}>`;
}

export function text(name: string, value: string | number | boolean): string {
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

export function optionalText(name: string, value: string | number | boolean | undefined): string {
  return value === undefined || value === "" ? "" : text(name, value);
}
