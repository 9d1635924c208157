import { describe, expect, it } from "vitest";
import { buildCanonicalQuery, buildStringToSign, encodeFormBody, encodeRfc3986, hostForSigning, signParameters } from "./signature";

const HOST = "mws.amazonservices.com";
const PATH = "/OffAmazonPayments_Sandbox/2013-01-01";
const SECRET = "TEST_SECRET_KEY";
const COMMON = {
  AWSAccessKeyId: "TEST_ACCESS_KEY",
  SignatureMethod: "HmacSHA256",
  SignatureVersion: "2",
  Timestamp: "2015-12-31T23:59:58Z",
  Version: "2013-01-01",
};

describe("reference §2.4 vectors (Java SDK SignatureAndURLTest)", () => {
  it("vector 1: GetOrderReferenceDetails", () => {
    const params = { ...COMMON, Action: "GetOrderReferenceDetails", AmazonOrderReferenceId: "AMAZON_ORDER_REFERENCE_ID", SellerId: "TEST_MERCHANT_ID" };
    expect(buildStringToSign(HOST, PATH, params)).toBe(
      "POST\nmws.amazonservices.com\n/OffAmazonPayments_Sandbox/2013-01-01\n" +
        "AWSAccessKeyId=TEST_ACCESS_KEY&Action=GetOrderReferenceDetails&AmazonOrderReferenceId=AMAZON_ORDER_REFERENCE_ID&SellerId=TEST_MERCHANT_ID&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2015-12-31T23%3A59%3A58Z&Version=2013-01-01",
    );
    expect(signParameters(SECRET, HOST, PATH, params)).toBe("cpkDC72d5lMIbo5ET2dvERTw4F2cGQJL3eQPzUe2pAE=");
  });

  it("vector 2: MWSAuthToken and seller override", () => {
    const params = {
      ...COMMON,
      Action: "GetOrderReferenceDetails",
      AmazonOrderReferenceId: "AMAZON_ORDER_REFERENCE_ID",
      SellerId: "OVERRIDE_SELLER_ID",
      MWSAuthToken: "TEST_MWS_AUTH_TOKEN",
    };
    expect(signParameters(SECRET, HOST, PATH, params)).toBe("MelQJXDdQJ85Z7aB85s7eYWm5TdGv6xYAQt/joOhXCo=");
  });

  it("vector 3: SetOrderReferenceDetails", () => {
    const params = {
      ...COMMON,
      Action: "SetOrderReferenceDetails",
      AmazonOrderReferenceId: "AMAZON_ORDER_REFERENCE_ID",
      "OrderReferenceAttributes.OrderTotal.Amount": "2",
      "OrderReferenceAttributes.OrderTotal.CurrencyCode": "USD",
      SellerId: "TEST_MERCHANT_ID",
    };
    expect(signParameters(SECRET, HOST, PATH, params)).toBe("i51MSGv9O2G2LHIlhCXLigA3ZKaZRoc7Mb5A1VX2QTA=");
  });

  it("vector 4: ConfirmOrderReference with SCA urls", () => {
    const params = {
      ...COMMON,
      Action: "ConfirmOrderReference",
      AmazonOrderReferenceId: "AMAZON_ORDER_REFERENCE_ID",
      "AuthorizationAmount.Amount": "0.01",
      "AuthorizationAmount.CurrencyCode": "EUR",
      FailureUrl: "https://pay.amazon.com/failure.html",
      SuccessUrl: "https://pay.amazon.com/success.html",
      MWSAuthToken: "TEST_MWS_AUTH_TOKEN",
      SellerId: "OVERRIDE_SELLER_ID",
    };
    expect(signParameters(SECRET, HOST, PATH, params)).toBe("KeZbecFqPMxhR4g35iFWsdLmq1rAgwdn4B2WTIFMTHg=");
  });
});

// Expected values computed independently with Python (urllib.parse.quote(safe="-_.~") + hmac/sha256),
// the +/ one cross-checked with `openssl dgst -sha256 -hmac`.
describe("edge-case vectors", () => {
  const base = { ...COMMON, SellerId: "TEST_MERCHANT_ID" };

  it("non-ASCII text is UTF-8 percent-encoded with uppercase hex", () => {
    const params = {
      ...base,
      Action: "SetOrderReferenceDetails",
      AmazonOrderReferenceId: "S01-1234567-1234567",
      "OrderReferenceAttributes.OrderTotal.Amount": "19.99",
      "OrderReferenceAttributes.OrderTotal.CurrencyCode": "EUR",
      "OrderReferenceAttributes.SellerNote": "Grüße aus Köln – 東京 €",
    };
    expect(buildCanonicalQuery(params)).toContain(
      "OrderReferenceAttributes.SellerNote=Gr%C3%BC%C3%9Fe%20aus%20K%C3%B6ln%20%E2%80%93%20%E6%9D%B1%E4%BA%AC%20%E2%82%AC&",
    );
    expect(signParameters(SECRET, HOST, PATH, params)).toBe("R8GoTsIAexHhiGieNydJHkQ8rRwnORSmYkrCBLPsBKk=");
  });

  it("`*` → %2A, `~` literal, space → %20", () => {
    const params = {
      ...base,
      Action: "Authorize",
      AmazonOrderReferenceId: "S01-1234567-1234567",
      AuthorizationReferenceId: "auth_1~a",
      "AuthorizationAmount.Amount": "10.00",
      "AuthorizationAmount.CurrencyCode": "USD",
      SellerAuthorizationNote: "a * b ~ c",
      SoftDescriptor: "AMZ*Shop",
    };
    expect(buildCanonicalQuery(params)).toBe(
      "AWSAccessKeyId=TEST_ACCESS_KEY&Action=Authorize&AmazonOrderReferenceId=S01-1234567-1234567&AuthorizationAmount.Amount=10.00&AuthorizationAmount.CurrencyCode=USD&AuthorizationReferenceId=auth_1~a&SellerAuthorizationNote=a%20%2A%20b%20~%20c&SellerId=TEST_MERCHANT_ID&SignatureMethod=HmacSHA256&SignatureVersion=2&SoftDescriptor=AMZ%2AShop&Timestamp=2015-12-31T23%3A59%3A58Z&Version=2013-01-01",
    );
    expect(signParameters(SECRET, HOST, PATH, params)).toBe("C+l1H+8Y2dxFrFgUyLLbRSjFUu83kNWZLN+IOulW7YM=");
  });

  it("JSON simulation string in a note", () => {
    const params = {
      ...base,
      Action: "Authorize",
      AmazonOrderReferenceId: "S01-1234567-1234567",
      AuthorizationReferenceId: "auth-2",
      "AuthorizationAmount.Amount": "1.00",
      "AuthorizationAmount.CurrencyCode": "USD",
      SellerAuthorizationNote: '{"SandboxSimulation": {"State":"Declined", "ReasonCode":"InvalidPaymentMethod", "PaymentMethodUpdateTimeInMins":5}}',
      TransactionTimeout: "0",
    };
    expect(buildCanonicalQuery(params)).toContain(
      "SellerAuthorizationNote=%7B%22SandboxSimulation%22%3A%20%7B%22State%22%3A%22Declined%22%2C%20%22ReasonCode%22%3A%22InvalidPaymentMethod%22%2C%20%22PaymentMethodUpdateTimeInMins%22%3A5%7D%7D&",
    );
    expect(signParameters(SECRET, HOST, PATH, params)).toBe("XajtIrV/Z/xbykxFea/7cFk+TrLAyJ6DgeXveQBxWUc=");
  });

  it("access token with `|`, `+`, `/`, `=` signed against an override host:port", () => {
    const params = {
      ...base,
      Action: "GetOrderReferenceDetails",
      AmazonOrderReferenceId: "S01-1234567-1234567",
      AccessToken: "Atza|IwEBIA+/x=y",
    };
    expect(buildCanonicalQuery(params)).toContain("&AccessToken=Atza%7CIwEBIA%2B%2Fx%3Dy&");
    const host = hostForSigning(new URL("http://127.0.0.1:8484/OffAmazonPayments_Sandbox/2013-01-01"));
    expect(host).toBe("127.0.0.1:8484");
    expect(signParameters(SECRET, host, PATH, params)).toBe("8OwalZ1VGLOkWA+xwgZsZWfoA1hh5WNF0HgCw7whzWU=");
  });

  it("a signature containing + and / is form-encoded in the body", () => {
    const params = {
      ...base,
      Action: "GetAuthorizationDetails",
      AmazonAuthorizationId: "S01-1234567-1234567-A000004",
    };
    const signature = signParameters(SECRET, HOST, PATH, params);
    expect(signature).toBe("htg0UTKUE0bW4d6OUuwIoGH1DU4GqqsDM/At4tG+6WM=");
    const body = encodeFormBody({ ...params, Signature: signature });
    expect(body).toContain("Signature=htg0UTKUE0bW4d6OUuwIoGH1DU4GqqsDM%2FAt4tG%2B6WM%3D");
    expect(new URLSearchParams(body).get("Signature")).toBe(signature);
  });
});

describe("encoding and ordering rules", () => {
  it("encodes per RFC 3986", () => {
    expect(encodeRfc3986("AZaz09-_.~")).toBe("AZaz09-_.~");
    expect(encodeRfc3986(" *!'()")).toBe("%20%2A%21%27%28%29");
    expect(encodeRfc3986("ü")).toBe("%C3%BC");
    expect(encodeRfc3986("😀")).toBe("%F0%9F%98%80");
  });

  it("sorts names byte-wise (AWSAccessKeyId before Action) and skips Signature", () => {
    expect(buildCanonicalQuery({ Action: "x", AWSAccessKeyId: "k", Signature: "s", a: "1", B: "2" })).toBe("AWSAccessKeyId=k&Action=x&B=2&a=1");
  });

  it("drops default ports from the host line and lowercases it", () => {
    expect(hostForSigning(new URL("https://MWS.AmazonServices.com:443/x"))).toBe("mws.amazonservices.com");
    expect(buildStringToSign("MWS.amazonservices.com", "", {}).split("\n").slice(1, 3)).toEqual(["mws.amazonservices.com", "/"]);
  });
});
