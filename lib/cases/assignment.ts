import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { cases, users } from "@/db/schema";
import { authorize, type Principal } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { expectedFailure, fail, fieldErrorsOf, ok, type Result } from "@/lib/result";
import { lockCase } from "./access";
import { assignmentInput } from "./lifecycle-schemas";

/** Who can be given cases: active reviewers and managers, by name (for those who assign). */
export async function assignableReviewers(db: Db | Tx, by: Principal | null) {
  authorize(by, "case:assign");
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(isNull(users.disabledAt), inArray(users.role, ["reviewer", "manager"])))
    .orderBy(users.name);
}

/** A manager gives a case to a reviewer (or a manager), or takes it back (no assignee). */
export async function assignCase(db: Db, by: Principal | null, caseId: string, input: unknown): Promise<Result> {
  try {
    authorize(by, "case:assign");
    const parsed = assignmentInput.safeParse(input);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    const assigneeId = parsed.data.assigneeId;
    return await db.transaction(async (tx) => {
      const current = await lockCase(tx, caseId);
      if (!current) return fail("notFound");
      if (current.assigneeId === assigneeId) return ok(undefined);
      const reviewers = await assignableReviewers(tx, by);
      const to = assigneeId ? reviewers.find((r) => r.id === assigneeId) : null;
      if (assigneeId && !to) return fail("invalidInput", { assigneeId: ["notAReviewer"] });
      const [from] = current.assigneeId ? await tx.select({ name: users.name }).from(users).where(eq(users.id, current.assigneeId)) : [];
      await tx.update(cases).set({ assigneeId }).where(eq(cases.id, caseId));
      await recordAudit(tx, {
        actor: by,
        action: "case.assigned",
        entityType: "case",
        entityId: caseId,
        caseId,
        changes: { assignee: { from: from?.name ?? null, to: to?.name ?? null } },
      });
      return ok(undefined);
    });
  } catch (err) {
    return expectedFailure(err);
  }
}
