import type { Role } from "./roles";
import { roleHas, type Permission } from "./permissions";

/** A signed-in person, as re-read from the database for the current request. */
export type Actor = { kind: "user"; id: string; email: string; name: string; role: Role };

/** The application itself acting: start-up seeding and command-line tools run by an operator. */
export type SystemActor = { kind: "system"; label: string };

export type Principal = Actor | SystemActor;

export const systemActor = (label = "system"): SystemActor => ({ kind: "system", label });

export function can(principal: Principal | null, permission: Permission): boolean {
  if (!principal) return false;
  return principal.kind === "system" || roleHas(principal.role, permission);
}

/** Raised by commands and queries when the caller may not do what it asked. */
export class ForbiddenError extends Error {
  constructor(readonly permission: Permission | "signed-in") {
    super(`Not allowed: ${permission}`);
    this.name = "ForbiddenError";
  }
}

export function authorize(principal: Principal | null, permission: Permission): asserts principal is Principal {
  if (!principal) throw new ForbiddenError("signed-in");
  if (!can(principal, permission)) throw new ForbiddenError(permission);
}

/** For a command one of several permissions can allow (its own submission, or any case): refuses a caller with none of them before anything is read or checked. */
export function authorizeAny(principal: Principal | null, permissions: readonly Permission[]): asserts principal is Principal {
  if (!principal) throw new ForbiddenError("signed-in");
  if (!permissions.some((p) => can(principal, p))) throw new ForbiddenError(permissions[permissions.length - 1]);
}

/** For what only a signed-in person has (their own tokens, their own second factor): the system acting has none. */
export function signedInPerson(principal: Principal | null): Actor {
  if (!principal || principal.kind !== "user") throw new ForbiddenError("signed-in");
  return principal;
}
