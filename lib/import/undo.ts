import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditEvents, cases, importRecords, imports } from "@/db/schema";
import { authorize, type Principal } from "@/lib/auth/actor";
import { recordAudit, recordAudits } from "@/lib/audit/record";
import { actorId } from "@/lib/cases/commands";
import { requiredText } from "@/lib/cases/schema-parts";
import { isUuid } from "@/lib/ids";
import { expectedFailure, fail, fieldErrorsOf, ok, type Result } from "@/lib/result";

const undoInput = z.object({ reason: requiredText(2000) });

/** How many changed allegations an undo refusal names (the count says how many there are in all). */
const NAMED_CHANGED = 20;

/**
 * Withdraws every allegation an import filed (soft delete, each audited with the reason), as long as
 * none was touched since it was filed: any event in a case's trail after its creation counts. Otherwise
 * nothing is withdrawn and the refusal names the changed ones. Its updates to allegations an earlier
 * import filed are not undone: each is a change in that allegation's trail, to revert by hand.
 */
export async function undoImport(db: Db, by: Principal | null, importId: string, input: unknown): Promise<Result<{ withdrawn: number }>> {
  try {
    authorize(by, "case:import");
    const parsed = undoInput.safeParse(input);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    if (!isUuid(importId)) return fail("notFound");
    return await db.transaction(async (tx) => {
      const [current] = await tx.select().from(imports).where(eq(imports.id, importId)).for("update");
      if (!current) return fail("notFound");
      if (current.status !== "committed") return fail("importNotUndoable", undefined, { status: current.status });
      // What it created; what it updated of earlier imports' allegations stays, each change in its trail.
      const filed = tx
        .select({ id: importRecords.caseId })
        .from(importRecords)
        .where(and(eq(importRecords.importId, importId), eq(importRecords.created, true)));
      // Its own events (creation, the moves its rows asked for) all come before its commit event; anything after is a change since.
      const committedAt = sql`(select max(${auditEvents.id}) from ${auditEvents} where ${auditEvents.entityType} = 'import' and ${auditEvents.entityId} = ${importId} and ${auditEvents.action} = 'import.committed')`;
      const changed = await tx
        .select({ reference: cases.reference })
        .from(cases)
        .where(
          and(
            inArray(cases.id, filed),
            sql`(${cases.deletedAt} is not null or exists (select 1 from ${auditEvents} where ${auditEvents.caseId} = ${cases.id} and ${auditEvents.id} > ${committedAt}))`,
          ),
        )
        .orderBy(cases.reference);
      if (changed.length) {
        return fail("importChangedSince", undefined, {
          count: String(changed.length),
          references: changed.slice(0, NAMED_CHANGED).map((c) => c.reference).join(", "),
        });
      }
      const withdrawn = await tx
        .update(cases)
        .set({ deletedAt: new Date(), version: sql`${cases.version} + 1`, updatedBy: actorId(by as Principal), updatedAt: new Date() })
        .where(and(inArray(cases.id, filed), isNull(cases.deletedAt)))
        .returning({ id: cases.id });
      const reason = `undo of import ${current.fileName}: ${parsed.data.reason}`;
      await recordAudits(
        tx,
        withdrawn.map(({ id }) => ({ actor: by, action: "case.deleted", entityType: "case", entityId: id, caseId: id, reason })),
      );
      await tx.update(imports).set({ status: "undone" }).where(eq(imports.id, importId));
      await recordAudit(tx, {
        actor: by,
        action: "import.undone",
        entityType: "import",
        entityId: importId,
        subject: current.fileName,
        changes: { withdrawn: { from: null, to: withdrawn.length } },
        reason: parsed.data.reason,
      });
      return ok({ withdrawn: withdrawn.length });
    });
  } catch (err) {
    return expectedFailure(err);
  }
}
