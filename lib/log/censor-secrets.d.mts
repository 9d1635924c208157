export const SECRET_FIELD_PARTS: readonly string[];
export const CENSORED: "[redacted]";
export function isSecretField(name: string): boolean;
export function censorSecrets<T>(value: T): T;
