import { and, count, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { organisationSettings, recoveryCodes, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { expectedFailure, fail, fieldErrorsOf, ok, refuse, type Result } from "@/lib/result";
import { authorize, signedInPerson, type Principal } from "./actor";
import { enrolmentFits, newEnrolment, openEnrolment, type Enrolment } from "./enrolment";
import { confirmIdentity } from "./reauthenticate";
import { removeSecondFactor, replaceRecoveryCodes, spendSecondFactor, storeSecondFactor, twoFactorRequired } from "./second-factor";
import { acceptedStep, newRecoveryCodes } from "./totp";

/** Two-factor sign-in as the account page shows it. */
export type TwoFactorOverview = { enabled: boolean; enabledAt: Date | null; recoveryCodesLeft: number; required: boolean };

export async function twoFactorOverview(db: Db, by: Principal | null): Promise<TwoFactorOverview> {
  const me = signedInPerson(by);
  const [row] = await db
    .select({
      enabledAt: users.totpEnabledAt,
      left: sql<number>`(select ${count()} from ${recoveryCodes} where ${recoveryCodes.userId} = ${users.id} and ${recoveryCodes.usedAt} is null)`.mapWith(Number),
    })
    .from(users)
    .where(eq(users.id, me.id));
  return { enabled: Boolean(row?.enabledAt), enabledAt: row?.enabledAt ?? null, recoveryCodesLeft: row?.left ?? 0, required: await twoFactorRequired(db) };
}

/** A new key for the person to set up; nothing is kept unless its first code comes back (enableTwoFactor). */
export async function startEnrolment(db: Db, by: Principal | null): Promise<Enrolment> {
  const me = signedInPerson(by);
  const [account] = await db.select({ id: users.id, email: users.email, sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, me.id));
  return newEnrolment(account);
}

const codeSchema = z.string({ error: "required" }).trim().min(1, { error: "required" }).max(32, { error: "wrongCode" });

/** Turns two-factor sign-in on from the account page: the enrolment shown there, its first code, and the password. */
export async function enableTwoFactor(db: Db, by: Principal | null, input: unknown, now = new Date()): Promise<Result> {
  try {
    const me = signedInPerson(by);
    const unconfirmed = await confirmIdentity(db, me, input);
    if (unconfirmed) return unconfirmed;
    const parsed = z.object({ ticket: z.string(), code: codeSchema }).safeParse(input);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    const enrolment = openEnrolment(parsed.data.ticket, now);
    return await db.transaction(async (tx) => {
      const [user] = await tx.select().from(users).where(eq(users.id, me.id)).for("update");
      if (user.totpEnabledAt) return fail("twoFactorAlreadyOn");
      if (!enrolment || !enrolmentFits(enrolment, user)) return fail("enrolmentExpired");
      const step = acceptedStep(enrolment.secret, parsed.data.code, null, now);
      if (step === null) return fail("invalidInput", { code: ["wrongCode"] });
      await storeSecondFactor(tx, user.id, enrolment.secret, step, enrolment.codes, now);
      await recordAudit(tx, { actor: me, action: "user.two_factor_enabled", entityType: "user", entityId: me.id, subject: me.email });
      return ok(undefined);
    });
  } catch (err) {
    return expectedFailure(err);
  }
}

/** Turns it off: the password and a current code (or a recovery code); not while the organisation requires it. */
export async function disableTwoFactor(db: Db, by: Principal | null, input: unknown, now = new Date()): Promise<Result> {
  try {
    const me = signedInPerson(by);
    const unconfirmed = await confirmIdentity(db, me, input);
    if (unconfirmed) return unconfirmed;
    const parsed = z.object({ code: codeSchema }).safeParse(input);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    return await db.transaction(async (tx) => {
      const [user] = await tx.select().from(users).where(eq(users.id, me.id)).for("update");
      if (!user.totpEnabledAt) return ok(undefined);
      if (await twoFactorRequired(tx)) return fail("twoFactorRequiredByOrganisation");
      if (!(await spendSecondFactor(tx, user, parsed.data.code, now))) return fail("invalidInput", { code: ["wrongCode"] });
      await removeSecondFactor(tx, user.id, now);
      await recordAudit(tx, { actor: me, action: "user.two_factor_disabled", entityType: "user", entityId: me.id, subject: me.email });
      return ok(undefined);
    });
  } catch (err) {
    return expectedFailure(err);
  }
}

/** New recovery codes, shown once; the old ones, used or not, stop working. */
export async function renewRecoveryCodes(db: Db, by: Principal | null, input: unknown): Promise<Result<{ codes: string[] }>> {
  try {
    const me = signedInPerson(by);
    const unconfirmed = await confirmIdentity(db, me, input);
    if (unconfirmed) return unconfirmed;
    const codes = newRecoveryCodes();
    return await db.transaction(async (tx) => {
      const [user] = await tx.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, me.id)).for("update");
      if (!user.enabledAt) return fail("twoFactorOff");
      await replaceRecoveryCodes(tx, me.id, codes);
      await recordAudit(tx, { actor: me, action: "user.recovery_codes_renewed", entityType: "user", entityId: me.id, subject: me.email });
      return ok({ codes });
    });
  } catch (err) {
    return expectedFailure(err);
  }
}

/**
 * An admin removes someone's second factor (a lost phone and lost codes). Their sessions end; if
 * the organisation requires a second factor they set up a new one at their next sign-in.
 */
export async function resetTwoFactor(db: Db, by: Principal | null, input: unknown, now = new Date()): Promise<Result> {
  try {
    authorize(by, "user:manage");
    const unconfirmed = await confirmIdentity(db, by, input);
    if (unconfirmed) return unconfirmed;
    const parsed = z.object({ userId: z.uuid({ error: "notFound" }) }).safeParse(input);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    return await db.transaction(async (tx) => {
      const [user] = await tx.select().from(users).where(eq(users.id, parsed.data.userId)).for("update");
      if (!user) return fail("notFound");
      if (!user.totpEnabledAt) return ok(undefined);
      await removeSecondFactor(tx, user.id, now);
      await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, user.id));
      await recordAudit(tx, { actor: by, action: "user.two_factor_reset", entityType: "user", entityId: user.id, subject: user.email });
      return ok(undefined);
    });
  } catch (err) {
    return expectedFailure(err);
  }
}

/** Whether a second factor is required of everyone, for the admin's sign-in policy form. */
export async function twoFactorPolicy(db: Db, by: Principal | null): Promise<{ required: boolean }> {
  authorize(by, "user:manage");
  return { required: await twoFactorRequired(db) };
}

/**
 * Requires (or stops requiring) a second factor of everyone. From the next request, a session of an
 * account without one opens nothing, and its next sign-in sets one up. An admin without a second
 * factor cannot turn the requirement on: it would lock them out at once.
 */
export async function setTwoFactorRequirement(db: Db, by: Principal | null, input: unknown, now = new Date()): Promise<Result> {
  try {
    authorize(by, "user:manage");
    const unconfirmed = await confirmIdentity(db, by, input);
    if (unconfirmed) return unconfirmed;
    const parsed = z.object({ required: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()) }).safeParse(input);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    const { required } = parsed.data;
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('organisation-settings'))`);
      const was = await twoFactorRequired(tx);
      if (was === required) return ok(undefined);
      if (required && by.kind === "user") {
        const [me] = await tx.select({ enabledAt: users.totpEnabledAt }).from(users).where(and(eq(users.id, by.id), isNull(users.disabledAt)));
        if (!me?.enabledAt) refuse(fail("twoFactorNeededFirst"));
      }
      await tx
        .insert(organisationSettings)
        .values({ id: 1, requireTwoFactor: required, updatedAt: now })
        .onConflictDoUpdate({ target: organisationSettings.id, set: { requireTwoFactor: required, updatedAt: now } });
      await recordAudit(tx, {
        actor: by,
        action: "settings.two_factor_requirement_changed",
        entityType: "settings",
        changes: { requireTwoFactor: { from: was, to: required } },
      });
      return ok(undefined);
    });
  } catch (err) {
    return expectedFailure(err);
  }
}
