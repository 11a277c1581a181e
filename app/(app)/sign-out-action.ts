"use server";
import { db } from "@/db/client";
import { getActor } from "@/lib/auth/current-actor";
import { auth, signOut } from "@/lib/auth/next-auth";
import { endSession } from "@/lib/auth/sessions";

/**
 * The only way to sign out (the auth library's own endpoint is refused, app/api/auth): the session
 * is revoked first, so if that fails the sign-out fails and the person is still visibly signed in.
 */
export async function signOutAction(): Promise<void> {
  const [actor, session] = await Promise.all([getActor(), auth()]);
  if (actor && session?.sessionId && session.signedInAt !== undefined) {
    await endSession(db(), actor, { sessionId: session.sessionId, signedInAt: session.signedInAt });
  }
  await signOut({ redirectTo: "/login" });
}
