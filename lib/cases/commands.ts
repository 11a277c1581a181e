import { and, eq } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { cases, users, type CaseRow } from "@/db/schema";
import { authorize, authorizeAny, ForbiddenError, type Principal } from "@/lib/auth/actor";
import { diff, recordAudit } from "@/lib/audit/record";
import { expectedFailure, fail, fieldErrorsOf, ok, type Result } from "@/lib/result";
import { assertMayEditCase, lockCase } from "./access";
import { nextReference } from "./references";
import { caseFields, caseInput, caseUpdateInput, type CaseInput } from "./schemas";
import { refreshSearchText } from "./search-index";

const editableKeys = Object.keys(caseFields.shape) as (keyof CaseInput)[];

/** The fields of a case its forms edit, as stored. */
export function pickEditable(row: Omit<CaseRow, "searchText">): Record<string, unknown> {
  return Object.fromEntries(editableKeys.map((k) => [k, (row as Record<string, unknown>)[k]]));
}

export function actorId(principal: Principal): string {
  if (principal.kind !== "user") throw new ForbiddenError("signed-in");
  return principal.id;
}

/** Files a new allegation in submission, with its reference, in one audited transaction. */
export async function createCase(
  db: Db,
  by: Principal | null,
  input: unknown,
): Promise<Result<{ id: string; reference: string }>> {
  try {
    authorize(by, "case:create");
    const parsed = caseInput.safeParse(input);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    const created = await db.transaction((tx) => fileCase(tx, by, parsed.data));
    return ok(created);
  } catch (err) {
    return expectedFailure(err);
  }
}

/**
 * Writes a checked allegation in submission with its reference and its audit event, inside the
 * caller's transaction: the filing form's and the import's one way in. `reason` says where it came from.
 */
export async function fileCase(tx: Executor, by: Principal, values: CaseInput, reason?: string): Promise<{ id: string; reference: string }> {
  const userId = actorId(by);
  const reference = await nextReference(tx, Number(values.incidentDateFrom.slice(0, 4)));
  const [row] = await tx
    .insert(cases)
    .values({ ...values, reference, createdBy: userId, updatedBy: userId })
    .returning();
  await refreshSearchText(tx, row.id);
  await recordAudit(tx, {
    actor: by,
    action: "case.created",
    entityType: "case",
    entityId: row.id,
    caseId: row.id,
    changes: diff({}, { reference, ...pickEditable(row) }),
    reason,
  });
  return { id: row.id, reference };
}

/**
 * Changes a case. The input names the version it was made on; if someone saved since, nothing is
 * written and the refusal says who changed it and when. Fields not given keep their values.
 */
export async function updateCase(db: Db, by: Principal | null, caseId: string, input: unknown): Promise<Result<{ version: number }>> {
  try {
    authorizeAny(by, ["case:edit-own-submission", "case:edit-any"]);
    const meta = caseUpdateInput.safeParse(input);
    if (!meta.success) return fail("invalidInput", fieldErrorsOf(meta.error));
    return await db.transaction(async (tx) => {
      const current = await lockCase(tx, caseId);
      if (!current) return fail("notFound");
      assertMayEditCase(by, current);
      if (current.version !== meta.data.version) return staleFailure(tx, current);
      const merged = { ...pickEditable(current), ...(input as Record<string, unknown>) };
      const parsed = caseInput.safeParse(merged);
      if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
      const changes = diff(pickEditable(current), parsed.data);
      if (Object.keys(changes).length === 0) return ok({ version: current.version });
      const version = current.version + 1;
      await tx
        .update(cases)
        .set({ ...parsed.data, version, updatedBy: actorId(by), updatedAt: new Date() })
        .where(and(eq(cases.id, caseId), eq(cases.version, current.version)));
      await refreshSearchText(tx, caseId);
      await recordAudit(tx, {
        actor: by,
        action: "case.updated",
        entityType: "case",
        entityId: caseId,
        caseId,
        changes,
        reason: meta.data.reason,
      });
      return ok({ version });
    });
  } catch (err) {
    return expectedFailure(err);
  }
}

/** Withdraws a case from every list; the row and its trail stay, and its reference is never reused. */
export async function deleteCase(db: Db, by: Principal | null, caseId: string, input: unknown): Promise<Result> {
  try {
    authorizeAny(by, ["case:edit-own-submission", "case:edit-any"]);
    const meta = caseUpdateInput.safeParse(input);
    if (!meta.success) return fail("invalidInput", fieldErrorsOf(meta.error));
    if (!meta.data.reason) return fail("invalidInput", { reason: ["required"] });
    return await db.transaction(async (tx) => {
      const current = await lockCase(tx, caseId);
      if (!current) return fail("notFound");
      assertMayEditCase(by, current);
      if (current.version !== meta.data.version) return staleFailure(tx, current);
      await tx
        .update(cases)
        .set({ deletedAt: new Date(), version: current.version + 1, updatedBy: actorId(by), updatedAt: new Date() })
        .where(eq(cases.id, caseId));
      await recordAudit(tx, {
        actor: by,
        action: "case.deleted",
        entityType: "case",
        entityId: caseId,
        caseId,
        reason: meta.data.reason,
      });
      return ok(undefined);
    });
  } catch (err) {
    return expectedFailure(err);
  }
}

/** The refusal of a change made on an old version: who saved since, and when. */
export async function staleFailure(tx: Executor, current: Pick<CaseRow, "updatedBy" | "updatedAt" | "version">) {
  const [editor] = await tx.select({ name: users.name }).from(users).where(eq(users.id, current.updatedBy));
  return fail("staleVersion", undefined, {
    name: editor?.name ?? "?",
    at: current.updatedAt.toISOString(),
    version: String(current.version),
  });
}
