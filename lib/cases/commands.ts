import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { insertRows } from "@/db/insert-rows";
import type { Db, Executor } from "@/db/client";
import { cases, users, type CaseRow } from "@/db/schema";
import { authorize, authorizeAny, ForbiddenError, type Principal } from "@/lib/auth/actor";
import { diff, recordAudit, recordAudits, type AuditInput } from "@/lib/audit/record";
import { expectedFailure, fail, fieldErrorsOf, ok, type Result } from "@/lib/result";
import { assertMayEditCase, lockCase } from "./access";
import { incidentYearOf, reserveReferences } from "./references";
import { caseFields, caseInput, caseUpdateInput, type CaseInput } from "./schemas";
import { caseSearchText, refreshSearchText } from "./search-index";

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
  return (await fileCases(tx, by, [{ values, reason }]))[0];
}

export type Filing = { values: CaseInput; reason?: string; reference?: string };

/**
 * Files several allegations in order, each exactly as the filing form would (reference, row,
 * search text, `case.created` event), in a few statements whatever their number: an import's rows.
 * An item may bring a reference reserved beforehand. With `deferAudit`, the caller records the
 * events itself later in the transaction (creationEvent), so a long one holds the chain's lock only at its end.
 */
export async function fileCases(tx: Executor, by: Principal, items: Filing[], { deferAudit = false } = {}): Promise<{ id: string; reference: string }[]> {
  if (!items.length) return [];
  const userId = actorId(by);
  const unnumbered = items.filter((item) => !item.reference);
  const reserved = await reserveReferences(tx, unnumbered.map((item) => incidentYearOf(item.values)));
  const rows = items.map(({ values, reference }) => {
    const ref = reference ?? reserved.shift()!;
    return { ...values, id: randomUUID(), reference: ref, searchText: caseSearchText({ ...values, reference: ref }, []), createdBy: userId, updatedBy: userId };
  });
  await insertRows(tx, cases, rows);
  if (!deferAudit) {
    const stored = new Map((await tx.select().from(cases).where(inArray(cases.id, rows.map((r) => r.id)))).map((row) => [row.id, row]));
    await recordAudits(tx, rows.map((r, i) => creationEvent(by, stored.get(r.id)!, items[i].reason)));
  }
  return rows.map((row) => ({ id: row.id, reference: row.reference }));
}

/** The `case.created` event of a case as stored: every field it was filed with. */
export function creationEvent(by: Principal, row: CaseRow, reason?: string): AuditInput {
  return {
    actor: by,
    action: "case.created",
    entityType: "case",
    entityId: row.id,
    caseId: row.id,
    changes: diff({}, { reference: row.reference, ...pickEditable(row) }),
    reason,
  };
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
