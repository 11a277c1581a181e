"use server";
import { db } from "@/db/client";
import { getActor } from "@/lib/auth/current-actor";
import { auth, signOut } from "@/lib/auth/next-auth";
import { endSession } from "@/lib/auth/sessions";

export async function signOutAction(): Promise<void> {
  const [actor, session] = await Promise.all([getActor(), auth()]);
  if (actor && session) await endSession(db(), actor, { sessionId: session.sessionId, expires: new Date(session.expires) });
  await signOut({ redirectTo: "/login" });
}
