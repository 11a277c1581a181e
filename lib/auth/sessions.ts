import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { revokedSessions, users, type User } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "./actor";
import { twoFactorRequiredSql } from "./second-factor";

/** A session as the cookie presents it: whose it is, which sign-in, and when it ends. */
export type SessionClaim = { userId: string; sessionVersion: number | undefined; sessionId: string | undefined };

/**
 * The account behind a session, or null when the session no longer opens anything: the account is
 * gone or disabled, its password was reset since (the version moved on), this session was signed
 * out, or the organisation now requires a second factor the account has not set up (its next
 * sign-in sets one up). One query: those checks ride along with reading the account.
 */
export async function accountOfSession(db: Db, claim: SessionClaim): Promise<User | null> {
  const [row] = await db
    .select({
      user: users,
      revoked: claim.sessionId
        ? sql<boolean>`exists (select 1 from ${revokedSessions} where ${revokedSessions.sessionId} = ${claim.sessionId})`
        : sql<boolean>`false`,
      required: twoFactorRequiredSql,
    })
    .from(users)
    .where(eq(users.id, claim.userId));
  if (!row || row.revoked || row.user.disabledAt || row.user.sessionVersion !== claim.sessionVersion) return null;
  if (row.required && !row.user.totpEnabledAt) return null;
  return row.user;
}

/**
 * Signs a session out for good, in one transaction with its audit event: the session id is kept
 * until the session would have expired (after that the cookie is refused anyway), and the expired
 * entries of others are cleared on the way.
 */
export async function endSession(db: Db, actor: Actor, session: { sessionId: string | undefined; expires: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    if (session.sessionId) {
      await tx.insert(revokedSessions).values({ sessionId: session.sessionId, expiresAt: session.expires }).onConflictDoNothing();
      await tx.delete(revokedSessions).where(and(lt(revokedSessions.expiresAt, sql`now()`)));
    }
    await recordAudit(tx, { actor, action: "auth.sign_out", entityType: "user", entityId: actor.id, subject: actor.email });
  });
}
