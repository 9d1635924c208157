import type { Role } from "@/lib/values/roles";

/** Who is doing something, as the domain functions need it: re-read from the DB per request. */
export type Actor = {
  /** null for API users, who act through the public API rather than a session. */
  userId: number | null;
  email: string;
  name: string;
  role: Role;
  ip: string | null;
};

export class ForbiddenError extends Error {
  constructor(message = "You do not have permission to do that.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** An API user acting through the public API, with the customer-service permissions of `support`. */
export function apiUserActor(loginId: string, ip: string): Actor {
  return { userId: null, email: `api:${loginId}`, name: loginId, role: "support", ip };
}
