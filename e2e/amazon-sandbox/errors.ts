import { randomUUID } from "node:crypto";
import { API_NAMESPACE, escapeXml } from "./xml";

/** An Amazon-style error: thrown anywhere in an operation, rendered as ErrorResponse. */
export class SandboxError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
    readonly type: "Sender" | "Receiver" | "" = "Sender",
  ) {
    super(message);
  }

  static invalidValue(value: string, name: string): SandboxError {
    return new SandboxError(400, "InvalidParameterValue", `The Value '${value}' is invalid for the Parameter '${name}'`);
  }

  static missing(name: string): SandboxError {
    return new SandboxError(400, "MissingParameter", `The request must contain the parameter ${name}.`);
  }

  static invalidOrderReferenceId(id: string): SandboxError {
    return new SandboxError(404, "InvalidOrderReferenceId", `The OrderReferenceId ${id} is invalid.`);
  }

  static invalidTransactionId(id: string): SandboxError {
    return new SandboxError(404, "InvalidTransactionId", `The Id ${id} is invalid.`);
  }

  static invalidBillingAgreementId(id: string): SandboxError {
    return new SandboxError(404, "InvalidBillingAgreementId", `The BillingAgreementId ${id} is invalid.`);
  }
}

/** ErrorResponse with RequestId directly under the root (§5.1); throttling uses `RequestID` and an empty Type. */
export function buildErrorXml(error: SandboxError, requestId: string = randomUUID()): string {
  const idElement = error.code === "RequestThrottled" ? "RequestID" : "RequestId";
  const type = error.code === "RequestThrottled" ? "<Type></Type>" : `<Type>${error.type}</Type>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${API_NAMESPACE}"><Error>${type}` +
    `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `<${idElement}>${requestId}</${idElement}></ErrorResponse>`
  );
}
