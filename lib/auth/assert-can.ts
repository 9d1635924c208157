import { can, type Permission } from "./permissions";
import { ForbiddenError, type Actor } from "./actor";

/** Domain write functions assert again, so no caller can forget. */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw new ForbiddenError();
}
