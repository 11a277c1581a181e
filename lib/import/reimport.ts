import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { cases, importRecords, type CaseRow, type FieldChange } from "@/db/schema";
import { diff } from "@/lib/audit/record";
import { pickEditable } from "@/lib/cases/commands";
import { caseInput, type CaseInput } from "@/lib/cases/schemas";
import { fieldErrorsOf } from "@/lib/result";
import type { ReadImport } from "./read-import";
import { suppliedFields, type RowProblem } from "./rows";

type ValidRow = ReadImport["valid"][number];
/** A case an earlier import filed under a key, and its version as the last import left it. */
type KnownCase = { current: CaseRow; importedVersion: number };

export type ReimportPlan = {
  /** Rows to file: keys no import has filed (or none), each key once. */
  fresh: ValidRow[];
  /** Rows an import filed whose supplied fields are what the case holds: nothing to do. */
  unchanged: ValidRow[];
  /** Rows an import filed whose values changed in the file: the case is updated in place. */
  updates: { item: ValidRow; current: CaseRow; values: CaseInput; changes: Record<string, FieldChange> }[];
  /**
   * Rows that cannot be applied: the case was changed here since it was imported, the update would
   * make it invalid, or the allegation it was chosen to duplicate cannot be its original.
   */
  problems: RowProblem[];
};

/**
 * What the valid rows would do against what earlier imports filed, matched by key: file, leave, or
 * update in place (only the fields the file's mapping gives, so nothing it lacks is blanked). A case
 * changed here since its last import (its version moved on) is never overwritten: that row is a
 * problem, for a person to deal with. `lock` locks the matched cases (the commit's transaction).
 */
export async function planReimport(tx: Executor, read: Pick<ReadImport, "valid" | "sheet" | "mapping" | "duplicates">, { lock = false } = {}): Promise<ReimportPlan> {
  const known = await importedCases(tx, read.valid, lock);
  const originals = await chosenOriginals(tx, read.duplicates);
  const supplied = suppliedFields(read.sheet.headers, read.mapping);
  const keyColumn = Object.entries(read.mapping).find(([, field]) => field === "externalCode")?.[0];
  const keyHeader = keyColumn === undefined ? null : read.sheet.headers[Number(keyColumn)] || `#${Number(keyColumn) + 1}`;
  const plan: ReimportPlan = { fresh: [], unchanged: [], updates: [], problems: [] };
  const seen = new Set<string>();
  for (const item of read.valid) {
    if (item.key && seen.has(item.key)) {
      // The same key twice in one file is one allegation: its first row counts.
      plan.unchanged.push(item);
      continue;
    }
    if (item.key) seen.add(item.key);
    const match = item.key ? known.get(item.key) : undefined;
    if (!match) {
      const refused = duplicateRefusal(originals, read.duplicates.get(item.row.number));
      if (refused) plan.problems.push({ row: item.row.number, column: null, field: "duplicates", ...refused });
      else plan.fresh.push(item);
      continue;
    }
    const before = pickEditable(match.current);
    const given = Object.fromEntries(supplied.map((f) => [f, (item.input as Record<string, unknown>)[f]]));
    const changes = diff(before, given);
    if (!Object.keys(changes).length) {
      plan.unchanged.push(item);
      continue;
    }
    const problem = (message: string, params?: Record<string, string>) =>
      plan.problems.push({ row: item.row.number, column: keyHeader, field: "externalCode", message, params: { reference: match.current.reference, ...params } });
    if (match.current.version !== match.importedVersion) {
      problem("importChangedHere");
      continue;
    }
    const merged = caseInput.safeParse({ ...before, ...given });
    if (!merged.success) {
      problem("importUpdateInvalid", { fields: Object.keys(fieldErrorsOf(merged.error)).join(", ") });
      continue;
    }
    plan.updates.push({ item, current: match.current, values: merged.data, changes });
  }
  return plan;
}

type Original = { reference: string; duplicateOf: string | null; originalReference: string | null };

/** The allegations rows were chosen to duplicate, as they stand: those gone are absent. */
async function chosenOriginals(tx: Executor, duplicates: Map<number, string>): Promise<Map<string, Original>> {
  const ids = [...new Set(duplicates.values())];
  if (!ids.length) return new Map();
  const found = await rowsOf<{ id: string; reference: string; duplicate_of: string | null; original_reference: string | null }>(
    tx,
    sql`select c.id, c.reference, c.duplicate_of, o.reference as original_reference
        from ${cases} c left join ${cases} o on o.id = c.duplicate_of
        where c.deleted_at is null and c.id in (select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::uuid)`,
  );
  return new Map(found.map((f) => [f.id, { reference: f.reference, duplicateOf: f.duplicate_of, originalReference: f.original_reference }]));
}

/**
 * Why a row cannot be filed as the duplicate chosen for it (the allegation is gone, or is itself a
 * duplicate: links point at the canonical case), for a person to choose again; null when it can.
 */
function duplicateRefusal(originals: Map<string, Original>, chosen: string | undefined): Pick<RowProblem, "message" | "params"> | null {
  if (chosen === undefined) return null;
  const original = originals.get(chosen);
  if (!original) return { message: "duplicateOriginalGone" };
  if (original.duplicateOf) return { message: "duplicateOfDuplicate", params: { reference: original.reference, original: original.originalReference ?? "" } };
  return null;
}

/** The live cases earlier imports filed under these rows' keys, each with the version its latest import left. */
async function importedCases(tx: Executor, rows: { key: string | null }[], lock: boolean): Promise<Map<string, KnownCase>> {
  const keys = [...new Set(rows.flatMap((r) => (r.key ? [r.key] : [])))];
  if (!keys.length) return new Map();
  // One JSON parameter: a 100,000-row file has more keys than a statement may have parameters.
  const matched = tx
    .select({ key: importRecords.sourceKey, caseId: importRecords.caseId, version: sql<number>`max(${importRecords.caseVersion})`.as("imported_version") })
    .from(importRecords)
    .where(sql`${importRecords.sourceKey} in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))`)
    .groupBy(importRecords.sourceKey, importRecords.caseId)
    .as("matched");
  const query = tx
    .select({ key: matched.key, importedVersion: matched.version, current: cases })
    .from(matched)
    .innerJoin(cases, eq(cases.id, matched.caseId))
    .where(and(isNull(cases.deletedAt)));
  const found = lock ? await query.for("update", { of: cases }) : await query;
  return new Map(found.map((f) => [f.key as string, { current: f.current, importedVersion: Number(f.importedVersion) }]));
}
