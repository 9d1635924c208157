import type { Role } from "@/lib/values/roles";
import type { users } from "@/db/schema";

export type UserDto = {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  lastLoginAt: number | null;
  createdAt: number;
};

/** Never carries the password hash. */
export function toUserDto(row: typeof users.$inferSelect): UserDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabledAt !== null,
    lastLoginAt: row.lastLoginAt,
    createdAt: row.createdAt,
  };
}

export function auditSnapshotOfUser(dto: UserDto): Record<string, unknown> {
  return { email: dto.email, name: dto.name, role: dto.role, disabled: dto.disabled };
}
