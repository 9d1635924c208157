/** Order Entry's field labels by the API field names the import pipeline reports errors with. */
export const ORDER_ENTRY_LABELS: Record<string, string> = {
  product1_id: "Product 1",
  product1_qty: "Quantity",
  product2_id: "Product 2",
  product2_qty: "Quantity 2",
  firstName: "First name",
  lastName: "Last name",
  emailAddress: "Email",
  phoneNumber: "Phone",
  address1: "Address",
  city: "City",
  state: "State",
  postalCode: "Postal code",
  country: "Country",
  amazonBillerId: "MID",
  amazonAddressConsent: "Address consent token",
};

/** The Amazon id field is labelled by what the first product needs: an order reference, or a billing agreement for recurring ones. */
export function orderEntryLabels(recurring: boolean): Record<string, string> {
  return { ...ORDER_ENTRY_LABELS, amazonOrderId: recurring ? "Billing agreement id" : "Order reference id" };
}

/**
 * "emailAddress: must be an email address." → "Email must be an email address.": the API's
 * message names its field by the API name (right for landers); a person at the form reads the label.
 */
export function labelFieldMessage(field: string, message: string, labels: Record<string, string> = orderEntryLabels(false)): string {
  const label = labels[field];
  if (!label) return message;
  const rest = message.startsWith(`${field}:`)
    ? message.slice(field.length + 1).trim()
    : message.startsWith(`${field} `)
      ? message.slice(field.length + 1)
      : message;
  if (rest === message && !message.includes(field)) return message;
  return /^[a-z]/.test(rest) ? `${label} ${rest}` : `${label}: ${rest}`;
}
