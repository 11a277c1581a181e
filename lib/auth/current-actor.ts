import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { can, type Actor } from "./actor";
import type { Permission } from "./permissions";
import { auth } from "./next-auth";
import { accountOfClaim } from "./session-account";
import { safeReturnPath } from "./return-path";

/**
 * The signed-in person for this request, re-read from the database (once per request): a disabled
 * account, a reset password, a changed role or a signed-out session takes effect on the very next request.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await accountOfClaim({ userId: id, sessionVersion: session.sessionVersion, sessionId: session.sessionId, signedInAt: session.signedInAt });
  if (!user) return null;
  return { kind: "user", id: user.id, email: user.email, name: user.name, role: user.role };
});

/** For pages: the actor, or a redirect to sign-in that comes back here afterwards. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (actor) return actor;
  const here = (await headers()).get("x-return-path");
  redirect(`/login?callbackUrl=${encodeURIComponent(safeReturnPath(here))}`);
}

/** For pages: the actor if their role has the permission; otherwise the 403 page. */
export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor, permission)) forbidden();
  return actor;
}
