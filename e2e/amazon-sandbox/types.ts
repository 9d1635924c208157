/** In-memory model of the sandbox. Amounts are integer minor units (cents; yen for JPY). */

export type Region = "us" | "uk" | "de" | "jp";
/** Sellers files may use the app's upper-case region codes (US, UK, DE, JP); stored lower-case. */
export type RegionInput = Region | Uppercase<Region>;

export type Seller = {
  sellerId: string;
  accessKey: string;
  secretKey: string;
  clientId: string;
  clientSecret: string;
  region: RegionInput;
  ipnUrl?: string;
};

export type Status = {
  state: string;
  reasonCode?: string;
  reasonDescription?: string;
  lastUpdate?: number;
};

export type Money = { minor: number; currency: string };

export type Address = {
  Name?: string;
  AddressLine1?: string;
  AddressLine2?: string;
  AddressLine3?: string;
  City?: string;
  County?: string;
  District?: string;
  StateOrRegion?: string;
  PostalCode?: string;
  CountryCode?: string;
  Phone?: string;
};

export type Buyer = { name: string; email: string; phone?: string; userId: string };

export type SellerOrderAttributes = {
  SellerOrderId?: string;
  StoreName?: string;
  CustomInformation?: string;
  SupplementaryData?: string;
};

export type OrderReference = {
  kind: "OrderReference";
  id: string;
  sellerId: string;
  status: Status;
  orderTotal?: Money;
  sellerNote?: string;
  platformId?: string;
  sellerOrder: SellerOrderAttributes;
  buyer: Buyer;
  address: Address;
  simulatedConstraint?: string;
  createdAt: number;
  authorizationIds: string[];
  parentBillingAgreementId?: string;
  expectImmediateAuthorization: boolean;
  accessToken?: string;
};

export type Authorization = {
  kind: "Authorization";
  id: string;
  sellerId: string;
  orderReferenceId: string;
  referenceId: string;
  amount: Money;
  capturedMinor: number;
  note?: string;
  softDescriptor?: string;
  captureNow: boolean;
  softDecline?: boolean;
  transactionTimeout: number;
  status: Status;
  createdAt: number;
  expiresAt: number;
  captureIds: string[];
  /** Canonical request parameters, compared on a repeat of the reference id. */
  fingerprint: string;
  billingAgreementId?: string;
};

export type Capture = {
  kind: "Capture";
  id: string;
  sellerId: string;
  authorizationId: string;
  orderReferenceId: string;
  referenceId: string;
  amount: Money;
  refundedMinor: number;
  note?: string;
  softDescriptor?: string;
  status: Status;
  createdAt: number;
  refundIds: string[];
  fingerprint: string;
};

export type Refund = {
  kind: "Refund";
  id: string;
  sellerId: string;
  captureId: string;
  referenceId: string;
  amount: Money;
  note?: string;
  softDescriptor?: string;
  status: Status;
  createdAt: number;
  fingerprint: string;
};

export type BillingAgreement = {
  kind: "BillingAgreement";
  id: string;
  sellerId: string;
  status: Status;
  sellerNote?: string;
  platformId?: string;
  sellerAttributes: { SellerBillingAgreementId?: string; StoreName?: string; CustomInformation?: string };
  billingAgreementType?: string;
  buyer: Buyer;
  address: Address;
  consent: boolean;
  currency: string;
  simulatedConstraint?: string;
  createdAt: number;
  orderReferenceIds: string[];
  /** Authorized minor units per calendar month key "YYYY-MM". */
  authorizedByMonth: Record<string, number>;
  accessToken?: string;
};

export type PaymentObject = OrderReference | Authorization | Capture | Refund | BillingAgreement;

export type Params = Record<string, string>;
