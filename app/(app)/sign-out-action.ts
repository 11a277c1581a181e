"use server";
import { db } from "@/db/client";
import { getActor } from "@/lib/auth/current-actor";
import { signOut } from "@/lib/auth/next-auth";
import { recordSignOut } from "@/lib/auth/sign-in";

export async function signOutAction(): Promise<void> {
  const actor = await getActor();
  if (actor) await recordSignOut(db(), actor);
  await signOut({ redirectTo: "/login" });
}
