import { can, ForbiddenError, type Principal } from "@/lib/auth/actor";

/**
 * Anyone who may contribute adds victims, sources, evidence and comments to any case; a contribution
 * is changed or removed by the person who added it, or by a reviewer or manager.
 */
export function assertMayChangeItem(principal: Principal | null, addedBy: string): asserts principal is Principal {
  if (!principal) throw new ForbiddenError("signed-in");
  if (can(principal, "case:edit-any")) return;
  if (principal.kind === "user" && principal.id === addedBy && can(principal, "case:contribute")) return;
  throw new ForbiddenError("case:edit-any");
}

export function userIdOf(principal: Principal): string {
  if (principal.kind !== "user") throw new ForbiddenError("signed-in");
  return principal.id;
}

/** Columns that describe the row rather than the victim, source or comment: left out of removal records. */
export const itemBookkeeping = ["id", "caseId", "createdBy", "createdAt", "updatedAt", "authorId"];

export function mayChangeItem(principal: Principal | null, addedBy: string): boolean {
  try {
    assertMayChangeItem(principal, addedBy);
    return true;
  } catch {
    return false;
  }
}
