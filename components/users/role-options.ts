import { ROLE_LABELS } from "@/lib/auth/permissions";
import { ROLES } from "@/lib/values/roles";

export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
