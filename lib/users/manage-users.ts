import { and, asc, eq, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { runTransaction, type Db } from "@/db/client";
import { users } from "@/db/schema";
import { ROLES, type Role } from "@/lib/values/roles";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert-can";
import { checkPasswordRules, hashPassword, verifyPassword } from "@/lib/auth/password";
import { bumpSessionVersion } from "@/lib/auth/session-version";
import { countRecentFailuresByAccount, SIGN_IN_LIMITS } from "@/lib/auth/sign-in-throttle";
import { recordAudit, SECRET_MARKER } from "@/lib/audit/record-audit";
import { auditSnapshotOfUser, toUserDto, type UserDto } from "./user-dto";
import { DomainError, type FieldErrors } from "@/lib/errors";

/** A user as the users screen shows it: with failed sign-ins of the last window, locked at the ceiling. */
export type UserListEntry = UserDto & { failedSignIns: number; locked: boolean };

export async function listUsers(db: Db, actor: Actor): Promise<UserListEntry[]> {
  assertCan(actor, "users.manage");
  const failures = await countRecentFailuresByAccount(db, "console");
  return (await db.select().from(users).orderBy(asc(users.email))).map((row) => {
    const failedSignIns = failures.get(row.email) ?? 0;
    return { ...toUserDto(row), failedSignIns, locked: failedSignIns >= SIGN_IN_LIMITS.perAccount };
  });
}

const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address."),
  name: z.string().trim().min(1, "Name is required.").max(100, "Name must be at most 100 characters."),
  role: z.enum(ROLES, { message: "Choose a role." }),
  password: z.string(),
});

export type NewUserInput = z.input<typeof newUserSchema>;

export async function createUser(db: Db, actor: Actor | null, input: NewUserInput): Promise<UserDto> {
  if (actor) assertCan(actor, "users.manage");
  const parsed = newUserSchema.safeParse(input);
  const fieldErrors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
  }
  const passwordProblem = checkPasswordRules(input.password);
  if (passwordProblem) fieldErrors.password = passwordProblem;
  if (!parsed.success || passwordProblem) throw new DomainError("Check the highlighted fields.", fieldErrors);

  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, parsed.data.email));
  if (existing) throw new DomainError("Check the highlighted fields.", { email: "A user with this email already exists." });

  const passwordHash = await hashPassword(parsed.data.password);
  const now = Date.now();
  return runTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        email: parsed.data.email,
        name: parsed.data.name,
        role: parsed.data.role,
        passwordHash,
        createdAt: now,
        updatedAt: now,
        passwordChangedAt: now,
      })
      .returning();
    const dto = toUserDto(row);
    await recordAudit(tx, actor, { action: "user.create", entity: "user", entityId: row.id, after: { ...auditSnapshotOfUser(dto), password: SECRET_MARKER } });
    return dto;
  });
}

async function countOtherActiveAdmins(db: Pick<Db, "select">, userId: number): Promise<number> {
  return (
    await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "admin"), isNull(users.disabledAt), ne(users.id, userId)))
  ).length;
}

async function loadUser(db: Pick<Db, "select">, userId: number) {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  if (!row) throw new DomainError("That user no longer exists.");
  return row;
}

export async function changeUserRole(db: Db, actor: Actor, userId: number, role: Role): Promise<UserDto> {
  assertCan(actor, "users.manage");
  if (!ROLES.includes(role)) throw new DomainError("Choose a role.", { role: "Choose one of the listed roles." });
  return runTransaction(db, async (tx) => {
    const before = toUserDto(await loadUser(tx, userId));
    if (before.role === role) return before;
    if (before.role === "admin" && !before.disabled && (await countOtherActiveAdmins(tx, userId)) === 0) {
      throw new DomainError("This is the last active admin; make another user admin first.");
    }
    const after = toUserDto((await tx.update(users).set({ role, updatedAt: Date.now() }).where(eq(users.id, userId)).returning())[0]);
    // Sessions signed in under the old role end; the next sign-in starts from the new one.
    await bumpSessionVersion(tx, userId);
    await recordAudit(tx, actor, { action: "user.role", entity: "user", entityId: userId, before: { role: before.role }, after: { role: after.role } });
    return after;
  });
}

export async function setUserDisabled(db: Db, actor: Actor, userId: number, disabled: boolean): Promise<UserDto> {
  assertCan(actor, "users.manage");
  return runTransaction(db, async (tx) => {
    const before = toUserDto(await loadUser(tx, userId));
    if (before.disabled === disabled) return before;
    if (disabled && before.role === "admin" && (await countOtherActiveAdmins(tx, userId)) === 0) {
      throw new DomainError("This is the last active admin; it cannot be disabled.");
    }
    const after = toUserDto(
      (
        await tx
          .update(users)
          .set({ disabledAt: disabled ? Date.now() : null, updatedAt: Date.now() })
          .where(eq(users.id, userId))
          .returning()
      )[0],
    );
    // Re-enabling must not bring old cookies back to life.
    if (disabled) await bumpSessionVersion(tx, userId);
    await recordAudit(tx, actor, {
      action: disabled ? "user.disable" : "user.enable",
      entity: "user",
      entityId: userId,
      before: { disabled: before.disabled },
      after: { disabled: after.disabled },
    });
    return after;
  });
}

export async function resetUserPassword(db: Db, actor: Actor, userId: number, password: string): Promise<void> {
  assertCan(actor, "users.manage");
  await setPassword(db, actor, userId, password, "user.password_reset");
}

export async function changeOwnPassword(db: Db, actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
  if (actor.userId === null) throw new DomainError("Only signed-in users have a password to change.");
  const userId = actor.userId;
  const row = await loadUser(db, userId);
  if (!(await verifyPassword(row.passwordHash, currentPassword))) {
    throw new DomainError("Check the highlighted fields.", { current_password: "Current password is not correct." });
  }
  if (currentPassword === newPassword) {
    throw new DomainError("Check the highlighted fields.", { new_password: "Choose a password different from the current one." });
  }
  await setPassword(db, actor, userId, newPassword, "user.password_change", "new_password");
}

async function setPassword(db: Db, actor: Actor, userId: number, password: string, action: string, field = "password"): Promise<void> {
  const problem = checkPasswordRules(password);
  if (problem) throw new DomainError("Check the highlighted fields.", { [field]: problem });
  await loadUser(db, userId);
  const passwordHash = await hashPassword(password);
  const now = Date.now();
  await runTransaction(db, async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, userId));
    await bumpSessionVersion(tx, userId);
    await recordAudit(tx, actor, { action, entity: "user", entityId: userId, after: { password: SECRET_MARKER } });
  });
}
