export type FieldErrors = Record<string, string>;

/** A refusal a person can act on: a message, and per-field messages keyed by form field name. */
export class DomainError extends Error {
  readonly fieldErrors: FieldErrors;
  constructor(message: string, fieldErrors: FieldErrors = {}) {
    super(message);
    this.name = "DomainError";
    this.fieldErrors = fieldErrors;
  }
}

/** Amazon was unavailable and nothing changed at Amazon: the same request may be sent again later. */
export class AmazonUnavailableError extends DomainError {
  constructor(message: string) {
    super(message);
    this.name = "AmazonUnavailableError";
  }
}
