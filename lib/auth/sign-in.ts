import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { auditEvents, users, type User } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "./actor";
import { enrolmentFits, openEnrolment } from "./enrolment";
import { burnVerification, verifyPassword } from "./passwords";
import { sealForAWhile, unsealInTime } from "./sealed";
import { spendSecondFactor, storeSecondFactor, twoFactorRequired, type SecondFactorMethod } from "./second-factor";
import { accountRule, clientRule, lockedUntil, throttleLookbackMs } from "./throttle";
import { acceptedStep } from "./totp";

export type SignedInUser = Pick<User, "id" | "email" | "name" | "role" | "sessionVersion">;
export type SignInRefusal = "invalid" | "disabled" | "throttled" | "wrongCode" | "expired";

/**
 * After the password: "session" when that is all the account needs (the sign-in is done and
 * audited); "code" when it has an authenticator; "enrol" when the organisation requires a second
 * factor and the account has none yet. `ticket` carries the account on to the next step.
 */
export type SignInOutcome =
  | { ok: true; user: SignedInUser; next: "session" | "code" | "enrol"; ticket: string }
  | { ok: false; reason: SignInRefusal };

export type SecondStepOutcome = { ok: true; user: SignedInUser } | { ok: false; reason: SignInRefusal };

const FAILED = "auth.sign_in_failed";
const SECOND_FACTOR_FAILED = "auth.second_factor_failed";
/** A sign-in ticket: whose password was right, and whether that finished the sign-in. */
type SignInTicket = { userId: string; sv: number; stage: "signed-in" | "code" };

const CODE_STEP_SECONDS = 5 * 60;
/** The finished ticket only goes from the sign-in action to Auth.js in the same request. */
const SIGNED_IN_SECONDS = 60;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks a password, applying the throttle, and writes what happened to the audit trail.
 * Attempts for one email are serialised so parallel guesses cannot slip past the limit.
 */
export async function attemptSignIn(
  db: Db,
  input: { email: string; password: string; clientAddress: string | null },
  now = new Date(),
): Promise<SignInOutcome> {
  const subject = normaliseEmail(input.email).slice(0, 254);
  const clientAddress = input.clientAddress?.slice(0, 64) ?? null;
  return db.transaction(async (tx) => {
    await lockSubject(tx, subject);
    const [user] = subject ? await tx.select().from(users).where(eq(users.email, subject)) : [];
    const base = { entityType: "user", entityId: user?.id ?? null, subject, clientAddress };

    const throttled = await throttleReason(tx, subject, clientAddress, now);
    if (throttled) {
      await recordAudit(tx, { ...base, actor: null, action: "auth.sign_in_refused", reason: throttled });
      return { ok: false, reason: "throttled" } as const;
    }

    const passwordOk = user ? await verifyPassword(user.passwordHash, input.password) : (await burnVerification(input.password), false);
    if (!user || !passwordOk || user.disabledAt) {
      await recordAudit(tx, {
        ...base,
        actor: null,
        action: FAILED,
        reason: !user ? "unknown account" : !passwordOk ? "wrong password" : "account disabled",
      });
      return { ok: false, reason: user && passwordOk ? "disabled" : "invalid" } as const;
    }

    const next = user.totpEnabledAt ? "code" : (await twoFactorRequired(tx)) ? "enrol" : "session";
    if (next === "session") await recordAudit(tx, { ...base, actor: actorOf(user), action: "auth.sign_in" });
    const ticket = sealForAWhile(
      "sign-in-ticket",
      { userId: user.id, sv: user.sessionVersion, stage: next === "session" ? "signed-in" : "code" } satisfies SignInTicket,
      next === "session" ? SIGNED_IN_SECONDS : CODE_STEP_SECONDS,
      now,
    );
    return { ok: true, user, next, ticket } as const;
  });
}

/**
 * The step after the password. A sign-in ticket of an account with an authenticator takes its code
 * or a recovery code; an enrolment ticket (lib/auth/enrolment.ts) takes the first code of the new
 * authenticator, which turns two-factor sign-in on. A wrong code counts towards the same throttle
 * as a wrong password. A ticket of a finished sign-in just hands over the account.
 */
export async function completeSignIn(
  db: Db,
  input: { ticket: string; code: string; clientAddress: string | null },
  now = new Date(),
): Promise<SecondStepOutcome> {
  const signIn = unsealInTime<SignInTicket>("sign-in-ticket", input.ticket, now);
  const enrolment = signIn ? null : openEnrolment(input.ticket, now);
  const userId = signIn?.userId ?? enrolment?.userId;
  if (!userId) return { ok: false, reason: "expired" };
  const clientAddress = input.clientAddress?.slice(0, 64) ?? null;

  return db.transaction(async (tx) => {
    const [found] = await tx.select().from(users).where(eq(users.id, userId));
    if (!found) return { ok: false, reason: "expired" } as const;
    await lockSubject(tx, found.email);
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    if (user.disabledAt) return { ok: false, reason: "disabled" } as const;
    if (user.sessionVersion !== (signIn?.sv ?? enrolment?.sv)) return { ok: false, reason: "expired" } as const;
    if (signIn?.stage === "signed-in") return { ok: true, user } as const;

    const base = { entityType: "user", entityId: user.id, subject: user.email, clientAddress };
    const throttled = await throttleReason(tx, user.email, clientAddress, now);
    if (throttled) {
      await recordAudit(tx, { ...base, actor: null, action: "auth.sign_in_refused", reason: throttled });
      return { ok: false, reason: "throttled" } as const;
    }

    let method: SecondFactorMethod | "new authenticator" | null;
    if (enrolment) {
      // Someone set up an authenticator since this ticket was made: it is no longer the way in.
      if (user.totpEnabledAt || !enrolmentFits(enrolment, user)) return { ok: false, reason: "expired" } as const;
      const step = acceptedStep(enrolment.secret, input.code, null, now);
      if (step !== null) {
        await storeSecondFactor(tx, user.id, enrolment.secret, step, enrolment.codes, now);
        await recordAudit(tx, { ...base, actor: actorOf(user), action: "user.two_factor_enabled", reason: "set up at sign-in" });
      }
      method = step === null ? null : "new authenticator";
    } else {
      method = await spendSecondFactor(tx, user, input.code, now);
    }
    if (!method) {
      await recordAudit(tx, { ...base, actor: null, action: SECOND_FACTOR_FAILED, reason: "wrong code" });
      return { ok: false, reason: "wrongCode" } as const;
    }
    await recordAudit(tx, { ...base, actor: actorOf(user), action: "auth.sign_in", reason: `second factor: ${method}` });
    return { ok: true, user } as const;
  });
}

function actorOf(user: User): Actor {
  return { kind: "user", id: user.id, email: user.email, name: user.name, role: user.role };
}

async function lockSubject(tx: Executor, subject: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${"sign-in:" + subject}))`);
}

/** Why attempts are refused now (a wrong password and a wrong code both count), or null. */
async function throttleReason(tx: Executor, subject: string, clientAddress: string | null, now: Date): Promise<string | null> {
  const since = new Date(now.getTime() - throttleLookbackMs);
  if (lockedUntil(await failureTimes(tx, "subject", subject, since), accountRule, now)) return "account throttled";
  if (clientAddress && lockedUntil(await failureTimes(tx, "client", clientAddress, since), clientRule, now)) return "client address throttled";
  return null;
}

async function failureTimes(tx: Executor, by: "subject" | "client", value: string, since: Date): Promise<Date[]> {
  const column = by === "subject" ? auditEvents.subject : auditEvents.clientAddress;
  const rows = await tx
    .select({ at: auditEvents.at })
    .from(auditEvents)
    .where(and(inArray(auditEvents.action, [FAILED, SECOND_FACTOR_FAILED]), eq(column, value), gt(auditEvents.at, since)));
  return rows.map((r) => r.at);
}
