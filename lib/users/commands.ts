import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { users, type Role, type User } from "@/db/schema";
import { authorize, type Principal } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/passwords";
import { confirmIdentity } from "@/lib/auth/reauthenticate";
import { isUuid } from "@/lib/ids";
import { diff, recordAudit } from "@/lib/audit/record";
import { expectedFailure, fail, fieldErrorsOf, isUniqueViolation, ok, type Result } from "@/lib/result";
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setDisabledSchema } from "./schemas";

export async function createUser(db: Db, by: Principal | null, input: unknown): Promise<Result<{ id: string }>> {
  try {
    authorize(by, "user:manage");
    const parsed = createUserSchema.safeParse(input);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    const { email, name, role, password } = parsed.data;
    const passwordHash = await hashPassword(password);
    const id = await db.transaction(async (tx) => {
      const [row] = await tx.insert(users).values({ email, name, role, passwordHash }).returning({ id: users.id });
      await recordAudit(tx, {
        actor: by,
        action: "user.created",
        entityType: "user",
        entityId: row.id,
        changes: { email: { from: null, to: email }, name: { from: null, to: name }, role: { from: null, to: role } },
      });
      return row.id;
    });
    return ok({ id });
  } catch (err) {
    if (isUniqueViolation(err)) return fail("invalidInput", { email: ["emailTaken"] });
    return expectedFailure(err);
  }
}

export async function changeRole(db: Db, by: Principal | null, input: unknown): Promise<Result> {
  try {
    authorize(by, "user:manage");
    const unconfirmed = await confirmIdentity(db, by, input);
    if (unconfirmed) return unconfirmed;
    const parsed = changeRoleSchema.safeParse(input);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    const { userId, role } = parsed.data;
    return await db.transaction(async (tx) => {
      const target = await lockUser(tx, userId);
      if (!target) return fail("notFound");
      if (target.role === role) return ok(undefined);
      if (target.role === "admin" && !(await anotherActiveAdminExists(tx, userId))) return fail("lastAdmin");
      await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId));
      await recordAudit(tx, {
        actor: by,
        action: "user.role_changed",
        entityType: "user",
        entityId: userId,
        changes: diff({ role: target.role as Role }, { role }),
      });
      return ok(undefined);
    });
  } catch (err) {
    return expectedFailure(err);
  }
}

export async function setDisabled(db: Db, by: Principal | null, input: unknown): Promise<Result> {
  try {
    authorize(by, "user:manage");
    const unconfirmed = await confirmIdentity(db, by, input);
    if (unconfirmed) return unconfirmed;
    const parsed = setDisabledSchema.safeParse(input);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    const { userId, disabled } = parsed.data;
    if (disabled && by.kind === "user" && by.id === userId) return fail("cannotDisableSelf");
    return await db.transaction(async (tx) => {
      const target = await lockUser(tx, userId);
      if (!target) return fail("notFound");
      if (Boolean(target.disabledAt) === disabled) return ok(undefined);
      if (disabled && target.role === "admin" && !(await anotherActiveAdminExists(tx, userId))) return fail("lastAdmin");
      await tx
        .update(users)
        .set({
          disabledAt: disabled ? new Date() : null,
          // Ends every session of a disabled account, even one re-enabled later.
          sessionVersion: disabled ? sql`${users.sessionVersion} + 1` : users.sessionVersion,
          updatedAt: new Date(),
        })
        .where(eq(users.id, userId));
      await recordAudit(tx, {
        actor: by,
        action: disabled ? "user.disabled" : "user.enabled",
        entityType: "user",
        entityId: userId,
        changes: { disabled: { from: !disabled, to: disabled } },
      });
      return ok(undefined);
    });
  } catch (err) {
    return expectedFailure(err);
  }
}

export async function resetPassword(db: Db, by: Principal | null, input: unknown): Promise<Result> {
  try {
    authorize(by, "user:manage");
    const unconfirmed = await confirmIdentity(db, by, input);
    if (unconfirmed) return unconfirmed;
    const userId = (input as { userId?: unknown } | null)?.userId;
    const [account] = typeof userId === "string" && isUuid(userId) ? await db.select({ email: users.email }).from(users).where(eq(users.id, userId)) : [];
    const parsed = resetPasswordSchema.safeParse({ ...(input as object), email: account?.email });
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    const passwordHash = await hashPassword(parsed.data.password);
    return await db.transaction(async (tx) => {
      const target = await lockUser(tx, userId as string);
      if (!target) return fail("notFound");
      await tx
        .update(users)
        .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
        .where(eq(users.id, target.id));
      // The password itself is never written to the trail, only that it changed.
      await recordAudit(tx, { actor: by, action: "user.password_reset", entityType: "user", entityId: target.id });
      return ok(undefined);
    });
  } catch (err) {
    return expectedFailure(err);
  }
}

async function lockUser(tx: Executor, id: string): Promise<User | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for("update");
  return row;
}

/** Locks the active admins so two admins cannot demote each other at once and leave none. */
async function anotherActiveAdminExists(tx: Executor, exceptId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt), ne(users.id, exceptId)))
    .for("update");
  return rows.length > 0;
}
