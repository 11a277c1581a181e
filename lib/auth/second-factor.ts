import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organisationSettings, recoveryCodes, users, type User } from "@/db/schema";
import { seal, unseal } from "./sealed";
import { acceptedStep, looksLikeRecoveryCode, recoveryCodeHash } from "./totp";

/** How a second factor was given, for the audit trail. */
export type SecondFactorMethod = "authenticator" | "recovery code";

/** Whether the organisation asks everyone for a second factor. */
export async function twoFactorRequired(tx: Executor): Promise<boolean> {
  const [row] = await tx.select({ required: organisationSettings.requireTwoFactor }).from(organisationSettings);
  return row?.required ?? false;
}

/** The SQL test "the organisation requires a second factor", to ride along in another query. */
export const twoFactorRequiredSql = sql<boolean>`exists (select 1 from ${organisationSettings} where ${organisationSettings.requireTwoFactor})`;

/**
 * Checks a code against the account's authenticator or its unused recovery codes and spends it:
 * the authenticator's step is recorded (the same code is refused if replayed), a recovery code is
 * marked used. Both are conditional updates, so two requests with one code cannot both pass.
 */
export async function spendSecondFactor(tx: Executor, user: User, code: string, now: Date): Promise<SecondFactorMethod | null> {
  if (!user.totpSecret || !user.totpEnabledAt) return null;
  if (looksLikeRecoveryCode(code)) {
    const used = await tx
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, recoveryCodeHash(code)), isNull(recoveryCodes.usedAt)))
      .returning({ userId: recoveryCodes.userId });
    return used.length === 1 ? "recovery code" : null;
  }
  const secret = unseal<string>("totp-secret", user.totpSecret);
  const step = secret ? acceptedStep(secret, code, user.totpLastStep, now) : null;
  if (step === null) return null;
  const moved = await tx
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return moved.length === 1 ? "authenticator" : null;
}

/** Turns two-factor sign-in on with a confirmed key and fresh recovery codes (any earlier ones go). */
export async function storeSecondFactor(tx: Executor, userId: string, secret: string, step: number, codes: string[], now: Date): Promise<void> {
  await tx.update(users).set({ totpSecret: seal("totp-secret", secret), totpEnabledAt: now, totpLastStep: step, updatedAt: now }).where(eq(users.id, userId));
  await replaceRecoveryCodes(tx, userId, codes);
}

export async function replaceRecoveryCodes(tx: Executor, userId: string, codes: string[]): Promise<void> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (codes.length) await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: recoveryCodeHash(code) })));
}

/** Turns two-factor sign-in off: the key and every recovery code are gone. */
export async function removeSecondFactor(tx: Executor, userId: string, now: Date): Promise<void> {
  await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: now }).where(eq(users.id, userId));
  await replaceRecoveryCodes(tx, userId, []);
}
