import { randomUUID } from "node:crypto";
import type { SessionClaim } from "@/lib/auth/sessions";

/** A session as a cookie signed in just now would present it. */
export function freshClaim(userId: string, sessionVersion = 0, signedInAt = new Date()): SessionClaim {
  return { userId, sessionVersion, sessionId: randomUUID(), signedInAt: Math.floor(signedInAt.getTime() / 1000) };
}
