import { cache } from "react";
import { db } from "@/db/client";
import { accountOfSession, type SessionClaim } from "./sessions";

/** The claim a session token carries (lib/auth/next-auth.ts writes these fields at sign-in). */
export function claimOf(token: { sub?: string; sv?: unknown; sid?: unknown; sia?: unknown }): SessionClaim | null {
  if (!token.sub) return null;
  return {
    userId: token.sub,
    sessionVersion: typeof token.sv === "number" ? token.sv : undefined,
    sessionId: typeof token.sid === "string" ? token.sid : undefined,
    signedInAt: typeof token.sia === "number" ? token.sia : undefined,
  };
}

const accountOnce = cache((userId: string, sessionVersion?: number, sessionId?: string, signedInAt?: number) =>
  accountOfSession(db(), { userId, sessionVersion, sessionId, signedInAt }),
);

/**
 * accountOfSession, asked once per request: the auth library's token check and the page's actor
 * both need it, and React's request cache lets the second ask cost nothing.
 */
export function accountOfClaim(claim: SessionClaim) {
  return accountOnce(claim.userId, claim.sessionVersion, claim.sessionId, claim.signedInAt);
}
