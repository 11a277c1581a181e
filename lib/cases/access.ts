import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { cases, type CaseRow } from "@/db/schema";
import { can, ForbiddenError, type Principal } from "@/lib/auth/actor";
import { isUuid } from "@/lib/ids";

/** Staff edit the cases they filed while those are in submission; reviewers and managers edit any. */
export function mayEditCase(principal: Principal | null, c: Pick<CaseRow, "createdBy" | "stage">): boolean {
  if (!principal) return false;
  if (can(principal, "case:edit-any")) return true;
  return (
    principal.kind === "user" &&
    can(principal, "case:edit-own-submission") &&
    c.createdBy === principal.id &&
    c.stage === "submission"
  );
}

export function assertMayEditCase(principal: Principal | null, c: Pick<CaseRow, "createdBy" | "stage">): void {
  if (!principal) throw new ForbiddenError("signed-in");
  if (!mayEditCase(principal, c)) throw new ForbiddenError("case:edit-any");
}

/** The live case, locked for the rest of the transaction; undefined if it does not exist or was deleted. */
export async function lockCase(tx: Executor, id: string): Promise<CaseRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), isNull(cases.deletedAt)))
    .for("update");
  return row;
}
