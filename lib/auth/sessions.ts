import { eq, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { revokedSessions, users, type User } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "./actor";
import { twoFactorRequiredSql } from "./second-factor";

/** How long a sign-in lasts at most, however often its cookie is refreshed: one working day. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** A session as the cookie presents it: whose it is, which sign-in, and when that sign-in happened (epoch seconds). */
export type SessionClaim = {
  userId: string;
  sessionVersion: number | undefined;
  sessionId: string | undefined;
  signedInAt: number | undefined;
};

/** The moment a sign-in stops opening anything, whatever its cookie says. */
export function sessionEndsAt(signedInAt: number): Date {
  return new Date((signedInAt + SESSION_MAX_AGE_SECONDS) * 1000);
}

/**
 * The account behind a session, or null when the session no longer opens anything: it carries no
 * sign-in id or time (a cookie from before sessions had them), it was signed in more than
 * SESSION_MAX_AGE_SECONDS ago, it was signed out, the account is gone or disabled, its password
 * was reset since (the version moved on), or the organisation now requires a second factor the
 * account has not set up. One query: the database checks ride along with reading the account.
 */
export async function accountOfSession(db: Db, claim: SessionClaim, now = new Date()): Promise<User | null> {
  const { sessionId, signedInAt } = claim;
  if (!sessionId || typeof signedInAt !== "number") return null;
  if (signedInAt * 1000 > now.getTime() || sessionEndsAt(signedInAt) <= now) return null;
  const [row] = await db
    .select({
      user: users,
      revoked: sql<boolean>`exists (select 1 from ${revokedSessions} where ${revokedSessions.sessionId} = ${sessionId})`,
      required: twoFactorRequiredSql,
    })
    .from(users)
    .where(eq(users.id, claim.userId));
  if (!row || row.revoked || row.user.disabledAt || row.user.sessionVersion !== claim.sessionVersion) return null;
  if (row.required && !row.user.totpEnabledAt) return null;
  return row.user;
}

/**
 * Signs a session out for good, in one transaction with its audit event. The revocation is kept
 * until the sign-in would have ended anyway (after that accountOfSession refuses it by its age, so
 * a cookie kept refreshed cannot outlive the purge); the ended entries of others are cleared on the way.
 */
export async function endSession(
  db: Db,
  actor: Actor,
  session: { sessionId: string; signedInAt: number },
  now = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const expiresAt = sessionEndsAt(session.signedInAt);
    await tx.insert(revokedSessions).values({ sessionId: session.sessionId, expiresAt }).onConflictDoNothing();
    await tx.delete(revokedSessions).where(lt(revokedSessions.expiresAt, now));
    await recordAudit(tx, { actor, action: "auth.sign_out", entityType: "user", entityId: actor.id, subject: actor.email });
  });
}
