import type { Role } from "@/db/schema/users";

/** Who is doing something, as the domain functions need it: re-read from the DB per request. */
export type Actor = {
  userId: number;
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
