import { and, eq, gt, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { auditEvents, users, type User } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "./actor";
import { burnVerification, verifyPassword } from "./passwords";
import { accountRule, clientRule, lockedUntil, throttleLookbackMs } from "./throttle";

export type SignInOutcome =
  | { ok: true; user: Pick<User, "id" | "email" | "name" | "role" | "sessionVersion"> }
  | { ok: false; reason: "invalid" | "disabled" | "throttled" };

const FAILED = "auth.sign_in_failed";

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
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${"sign-in:" + subject}))`);
    const since = new Date(now.getTime() - throttleLookbackMs);
    const accountLock = lockedUntil(await failureTimes(tx, "subject", subject, since), accountRule, now);
    const clientLock = clientAddress
      ? lockedUntil(await failureTimes(tx, "client", clientAddress, since), clientRule, now)
      : null;
    const [user] = subject ? await tx.select().from(users).where(eq(users.email, subject)) : [];
    const base = { entityType: "user", entityId: user?.id ?? null, subject, clientAddress };

    if (accountLock || clientLock) {
      await recordAudit(tx, {
        ...base,
        actor: null,
        action: "auth.sign_in_refused",
        reason: accountLock ? "account throttled" : "client address throttled",
      });
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

    const actor: Actor = { kind: "user", id: user.id, email: user.email, name: user.name, role: user.role };
    await recordAudit(tx, { ...base, actor, action: "auth.sign_in" });
    return { ok: true, user } as const;
  });
}

async function failureTimes(tx: Executor, by: "subject" | "client", value: string, since: Date): Promise<Date[]> {
  const column = by === "subject" ? auditEvents.subject : auditEvents.clientAddress;
  const rows = await tx
    .select({ at: auditEvents.at })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, FAILED), eq(column, value), gt(auditEvents.at, since)));
  return rows.map((r) => r.at);
}

