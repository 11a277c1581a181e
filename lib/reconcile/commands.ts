import { createHash, randomUUID } from "node:crypto";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { insertRows } from "@/db/insert-rows";
import { reconciliationRows, reconciliations } from "@/db/schema";
import { authorize, type Actor, type Principal } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { lockCase } from "@/lib/cases/access";
import { actorId } from "@/lib/cases/commands";
import { answerSending } from "@/lib/cases/review-commands";
import { isoDate } from "@/lib/cases/schema-parts";
import { latestSending, personOf } from "@/lib/cases/stage-commands";
import { belligerents } from "@/lib/cases/vocabulary";
import type { EvidenceStore } from "@/lib/evidence/store";
import { guessMapping, type ColumnMapping } from "@/lib/import/fields";
import { storedBytes } from "@/lib/import/jobs";
import { once } from "@/lib/import/received-file";
import type { DateOrder } from "@/lib/import/row-values";
import { mappingInput } from "@/lib/import/templates";
import { readTable, type Sheet } from "@/lib/import/table";
import type { RowProblem } from "@/lib/import/rows";
import { isUuid } from "@/lib/ids";
import { expectedFailure, fail, fieldErrorsOf, ok, refuse, type Result } from "@/lib/result";
import { proposalsFor } from "./queries";
import { readTheirRow, reconciliationFields } from "./rows";

const KEPT_PROBLEMS = 1000;

/** What a person says of a belligerent's table beside its bytes: whose it is, when it was released, and how near a match must be. */
export const reconciliationInput = z.object({
  belligerent: z.enum(belligerents, { error: "required" }),
  releasedOn: isoDate,
  sheet: z.string().max(200).optional(),
  mapping: mappingInput.optional(),
  dateOrder: z.enum(["dmy", "mdy"], { error: "invalid" }).default("dmy"),
  windowDays: z.coerce.number({ error: "notANumber" }).int({ error: "wholeNumber" }).min(0, { error: "notNegative" }).max(60, { error: "outOfRange" }).default(3),
  distanceKm: z.coerce.number({ error: "notANumber" }).int({ error: "wholeNumber" }).min(0, { error: "notNegative" }).max(100, { error: "outOfRange" }).default(5),
});

/**
 * Brings in a belligerent's table of its own assessments: every row read (its answer by the answer
 * form's rules), the valid ones kept to be matched against our allegations, the others listed as
 * row + column + message, all in one audited transaction, and the file kept in the evidence store
 * as the provenance of the answers confirmed from it. Nothing is recorded on any case yet.
 */
export async function createReconciliation(
  db: Db,
  store: EvidenceStore,
  by: Principal | null,
  upload: { fileName: string; bytes: Uint8Array },
  input: unknown,
): Promise<Result<{ id: string; rows: number; valid: number; problems: RowProblem[] }>> {
  let fileKey: string | null = null;
  try {
    authorize(by, "case:record-response");
    const parsed = reconciliationInput.safeParse(input);
    if (!parsed.success || !upload.bytes.length) {
      return fail("invalidInput", { ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), ...(upload.bytes.length ? {} : { file: ["required"] }) });
    }
    const v = parsed.data;
    const table = await readTable(upload.bytes);
    if (!table.ok) return table;
    const sheet = v.sheet === undefined ? table.value.sheets[0] : table.value.sheets.find((s) => s.name === v.sheet);
    if (!sheet) return fail("invalidInput", { sheet: ["invalid"] });
    const wanted = new Set<string>(reconciliationFields);
    const mapping = v.mapping ?? Object.fromEntries(Object.entries(guessMapping(sheet.headers)).filter(([, f]) => wanted.has(f)));
    const { valid, problems } = readTheirTable(sheet, mapping, { dateOrder: v.dateOrder, releasedOn: v.releasedOn });
    const id = randomUUID();
    const sha256 = createHash("sha256").update(upload.bytes).digest("hex");
    fileKey = (await store.put(once(upload.bytes))).key;
    const key = fileKey;
    await db.transaction(async (tx) => {
      await tx.insert(reconciliations).values({
        id,
        fileName: upload.fileName,
        fileSize: upload.bytes.length,
        fileSha256: sha256,
        fileKey: key,
        sheet: sheet.name,
        mapping,
        dateOrder: v.dateOrder,
        releasedOn: v.releasedOn,
        belligerent: v.belligerent,
        windowDays: v.windowDays,
        distanceKm: v.distanceKm,
        rows: sheet.rows.length,
        problems: problems.slice(0, KEPT_PROBLEMS),
        createdBy: actorId(by as Principal),
      });
      await insertTheirRows(tx, id, valid);
      await recordAudit(tx, {
        actor: by,
        action: "reconciliation.imported",
        entityType: "reconciliation",
        entityId: id,
        subject: upload.fileName,
        changes: {
          file: { from: null, to: { name: upload.fileName, size: upload.bytes.length, sha256, sheet: sheet.name } },
          table: { from: null, to: { belligerent: v.belligerent, releasedOn: v.releasedOn, windowDays: v.windowDays, distanceKm: v.distanceKm } },
          counts: { from: null, to: { rows: sheet.rows.length, valid: valid.length, invalid: sheet.rows.length - valid.length } },
        },
      });
    });
    fileKey = null;
    return ok({ id, rows: sheet.rows.length, valid: valid.length, problems });
  } catch (err) {
    return expectedFailure(err);
  } finally {
    // Kept only with its record: a table that was not recorded leaves no bytes behind.
    if (fileKey) await store.delete(fileKey);
  }
}

/** Every row of their table as a mapping reads it: the valid ones, and the problems of the others. */
function readTheirTable(sheet: Sheet, mapping: ColumnMapping, rules: { dateOrder: DateOrder; releasedOn: string }) {
  const read = sheet.rows.map((row) => readTheirRow(row, sheet.headers, mapping, rules));
  return { valid: read.flatMap((r) => (r.ok ? [r.value] : [])), problems: read.flatMap((r) => (r.ok ? [] : r.problems)) };
}

const insertTheirRows = (tx: Tx, reconciliationId: string, rows: ReturnType<typeof readTheirTable>["valid"]) =>
  insertRows(
    tx,
    reconciliationRows,
    rows.map(({ answer, ...row }) => ({ id: randomUUID(), reconciliationId, ...row, ...answer })),
  );

/** A new reading of a table: its columns mapped to the fields we read (each once), and its date order. */
export const rereadInput = z.object({
  mapping: mappingInput.refine((m) => Object.values(m).every((f) => (reconciliationFields as readonly string[]).includes(f)), { error: "invalid" }),
  dateOrder: z.enum(["dmy", "mdy"], { error: "invalid" }).default("dmy"),
});

/**
 * Reads a table again, from its kept bytes, with a mapping a person corrected (headers nobody
 * guessed), as long as none of its rows is decided: its rows and problems replaced, audited with
 * the mapping before and after. Proposals follow from the rows, so they are made afresh too.
 */
export async function rereadReconciliation(
  db: Db,
  store: EvidenceStore,
  by: Principal | null,
  reconciliationId: string,
  input: unknown,
): Promise<Result<{ rows: number; valid: number; problems: RowProblem[] }>> {
  try {
    authorize(by, "case:record-response");
    const parsed = rereadInput.safeParse(input);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    if (!isUuid(reconciliationId)) return fail("notFound");
    const [table] = await db.select().from(reconciliations).where(eq(reconciliations.id, reconciliationId));
    // A table brought in before its bytes and reading were kept cannot be read again.
    const bytes = table?.releasedOn ? await storedBytes(store, table.fileKey) : null;
    if (!table || !bytes) return fail("notFound");
    const read = await readTable(bytes);
    if (!read.ok) return read;
    const sheet = read.value.sheets.find((s) => s.name === table.sheet) ?? read.value.sheets[0];
    const { mapping, dateOrder } = parsed.data as { mapping: ColumnMapping; dateOrder: DateOrder };
    if (Object.keys(mapping).some((column) => Number(column) >= sheet.headers.length)) return fail("invalidInput", { mapping: ["invalid"] });
    const { valid, problems } = readTheirTable(sheet, mapping, { dateOrder, releasedOn: table.releasedOn! });
    return await db.transaction(async (tx) => {
      await tx.select({ id: reconciliations.id }).from(reconciliations).where(eq(reconciliations.id, reconciliationId)).for("update");
      const [decided] = await tx
        .select({ id: reconciliationRows.id })
        .from(reconciliationRows)
        .where(and(eq(reconciliationRows.reconciliationId, reconciliationId), isNotNull(reconciliationRows.decision)))
        .limit(1);
      if (decided) return fail("reconciliationStarted");
      await tx.delete(reconciliationRows).where(eq(reconciliationRows.reconciliationId, reconciliationId));
      await insertTheirRows(tx, reconciliationId, valid);
      await tx.update(reconciliations).set({ mapping, dateOrder, problems: problems.slice(0, KEPT_PROBLEMS) }).where(eq(reconciliations.id, reconciliationId));
      await recordAudit(tx, {
        actor: by,
        action: "reconciliation.reread",
        entityType: "reconciliation",
        entityId: reconciliationId,
        subject: table.fileName,
        changes: {
          mapping: { from: table.mapping ?? null, to: mapping },
          ...(table.dateOrder !== dateOrder ? { dateOrder: { from: table.dateOrder, to: dateOrder } } : {}),
          counts: { from: null, to: { rows: sheet.rows.length, valid: valid.length, invalid: sheet.rows.length - valid.length } },
        },
      });
      return ok({ rows: sheet.rows.length, valid: valid.length, problems });
    });
  } catch (err) {
    return expectedFailure(err);
  }
}

const confirmInput = z.object({ caseId: z.string({ error: "required" }).refine(isUuid, { error: "invalid" }) });

/**
 * Confirms that a row of their table is one of our allegations, among those proposed for it: the
 * belligerent's answer is recorded on our case by the answer form's own command (same rules, same
 * trail, the table and row as its reason), and the row is decided. A case not waiting on the
 * belligerent is refused as the form would refuse it.
 */
export async function confirmMatch(db: Db, by: Principal | null, rowId: string, input: unknown): Promise<Result<{ caseId: string }>> {
  try {
    const person = personOf(by);
    authorize(person, "case:record-response");
    const parsed = confirmInput.safeParse(input);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    if (!isUuid(rowId)) return fail("notFound");
    return await db.transaction(async (tx) => {
      const [row] = await tx.select().from(reconciliationRows).where(eq(reconciliationRows.id, rowId)).for("update");
      if (!row) return fail("notFound");
      if (row.decision) return fail("reconciliationDecided");
      const [table] = await tx.select().from(reconciliations).where(eq(reconciliations.id, row.reconciliationId));
      const proposed = await proposalsFor(tx, table, [row.id]);
      if (!proposed.some((p) => p.caseId === parsed.data.caseId)) return fail("invalidInput", { caseId: ["notAProposal"] });
      const current = await lockCase(tx, parsed.data.caseId);
      if (!current) return fail("notFound");
      const sending = await latestSending(tx, current.id);
      if (!sending) return fail("answerNotNow");
      const { answer, nonCredibleReason, deathsConcededMin, deathsConcededMax, answeredOn } = row;
      const recorded = await answerSending(
        tx,
        person,
        current,
        sending,
        { answer, nonCredibleReason, deathsConcededMin, deathsConcededMax, injuriesConcededMin: null, injuriesConcededMax: null, answeredOn, answerReference: row.theirReference, answerNote: null },
        `from the belligerent's table ${table.fileName}, row ${row.rowNumber}`,
      );
      if (!recorded.ok) refuse(recorded);
      await decide(tx, person, row.id, table.fileName, row.rowNumber, "confirmed", current.id);
      return ok({ caseId: current.id });
    });
  } catch (err) {
    return expectedFailure(err);
  }
}

/** Says that none of our allegations is this row: it joins the incidents they concede that nobody here has documented. */
export async function markNoMatch(db: Db, by: Principal | null, rowId: string): Promise<Result> {
  try {
    const person = personOf(by);
    authorize(person, "case:record-response");
    if (!isUuid(rowId)) return fail("notFound");
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ id: reconciliationRows.id, rowNumber: reconciliationRows.rowNumber, fileName: reconciliations.fileName })
        .from(reconciliationRows)
        .innerJoin(reconciliations, eq(reconciliations.id, reconciliationRows.reconciliationId))
        .where(and(eq(reconciliationRows.id, rowId), isNull(reconciliationRows.decision)))
        .for("update", { of: reconciliationRows });
      if (!row) return fail("reconciliationDecided");
      await decide(tx, person, row.id, row.fileName, row.rowNumber, "no_match", null);
      return ok(undefined);
    });
  } catch (err) {
    return expectedFailure(err);
  }
}

async function decide(
  tx: Tx,
  person: Actor,
  rowId: string,
  fileName: string,
  rowNumber: number,
  decision: "confirmed" | "no_match",
  caseId: string | null,
) {
  await tx.update(reconciliationRows).set({ decision, caseId, decidedBy: person.id, decidedAt: new Date() }).where(eq(reconciliationRows.id, rowId));
  await recordAudit(tx, {
    actor: person,
    action: `reconciliation.${decision === "confirmed" ? "confirmed" : "noMatch"}`,
    entityType: "reconciliation_row",
    entityId: rowId,
    caseId,
    subject: fileName,
    changes: { decision: { from: null, to: decision }, row: { from: null, to: rowNumber } },
  });
}
