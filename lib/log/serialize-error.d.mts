export type SerializedError = { type: string; message: string; code?: string | number; stack?: string; cause?: SerializedError };
export function serializeError(error: unknown): SerializedError;
