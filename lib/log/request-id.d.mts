export const REQUEST_ID_HEADER: "x-request-id";
export function chooseRequestId(incoming: string | string[] | undefined): string;
export function runWithRequestId<T>(requestId: string, serve: () => T): T;
