import { createHash, randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { insertRows } from "@/db/insert-rows";
import { cases, importRecords, imports } from "@/db/schema";
import { authorize, type Principal } from "@/lib/auth/actor";
import { INSERT_CHUNK, openChain, recordAudit, recordAudits } from "@/lib/audit/record";
import { actorId, creationEvent, fileCases } from "@/lib/cases/commands";
import { incidentYearOf, reserveReferences } from "@/lib/cases/references";
import { refreshSearchText } from "@/lib/cases/search-index";
import { expectedFailure, fail, ok, refuse, type Result } from "@/lib/result";
import { applyImportedLifecycles, linkImportedDuplicates, type FiledLifecycle } from "./apply-lifecycle";
import type { ColumnMapping } from "./fields";
import { fileImportedItems, type FiledItems } from "./file-items";
import { readImport, type ReadImport } from "./read-import";
import { planReimport, type ReimportPlan } from "./reimport";
import { byPlace, type ReadingRules, type RowProblem } from "./rows";

/** Rows filed per batch: its cases travel as one JSON parameter (db/insert-rows.ts); progress and cancellation are checked between batches. */
const COMMIT_BATCH = 2_000;

export type ImportRequest = {
  fileName: string;
  bytes: Uint8Array;
  /** The workbook's sheet; the first one when not named (a CSV has one). */
  sheet?: string;
  mapping: ColumnMapping;
  rules?: ReadingRules;
  /** Rows the person chose to leave out. */
  skip?: number[];
  /** Rows to file as duplicates of allegations already here: row number → the original's id. */
  duplicates?: Record<number, string>;
};

export type ImportOutcome = {
  importId: string;
  created: number;
  /** Rows an earlier import filed whose values changed: their cases updated in place. */
  updated: number;
  /** Rows an earlier import filed, unchanged: not filed twice. */
  skipped: number;
  /** Victims filed with the new allegations: named in their rows, or on the victims sheet. */
  victims: number;
  /** Sources filed with the new allegations, cited in their rows. */
  sources: number;
  /** New allegations filed as duplicates of allegations already here, as the person chose. */
  duplicates: number;
  problems: RowProblem[];
  invalidRows: number;
};

/** A commit run as a job (lib/import/jobs.ts): its import row exists, and it reports and may be stopped between batches. */
export type CommitJob = {
  importId: string;
  /** Rows filed so far, of how many: written outside the transaction, so others see it. */
  progress(done: number, total: number): Promise<void>;
  /** Whether someone asked to stop: the transaction is then rolled back. */
  cancelled(): Promise<boolean>;
};

/**
 * Commits an import as one unit: every valid row filed, with its provenance (file, row) in its own
 * trail, in one transaction with the import's record and audit event, or nothing at all. Rows
 * with problems are left out and listed; a row whose key (the file's code) an earlier import
 * already filed is never filed twice: its case is updated in place when the file's values changed
 * (lib/import/reimport.ts), or left. Without a job, the import's record is made here.
 */
export async function commitImport(
  db: Db,
  by: Principal | null,
  request: ImportRequest,
  job?: CommitJob,
  /** The file as already read from `request` (a job reads it before it starts), so it is not read twice. */
  alreadyRead?: ReadImport,
): Promise<Result<ImportOutcome>> {
  try {
    authorize(by, "case:import");
    const read = alreadyRead ? ok(alreadyRead) : await readImport(request);
    if (!read.ok) return read;
    // A preview may show a file with nothing mapped (to map it); a commit of one is a mistake.
    if (!Object.values(read.value.mapping).length) return fail("invalidInput", { mapping: ["required"] });
    const { sheet, rules, outcomes, valid } = read.value;
    const sha256 = createHash("sha256").update(request.bytes).digest("hex");

    const importId = job?.importId ?? randomUUID();
    const references = await reserveImportReferences(db, by as Principal, importId, request.fileName, (await planReimport(db, read.value)).fresh);

    return ok(
      await db.transaction(async (tx) => {
        // Again under the transaction, with the matched cases locked: another import or a person may have changed them meanwhile.
        const plan = await planReimport(tx, read.value, { lock: true });
        const fresh = plan.fresh;
        const created = fresh.length;
        const updated = plan.updates.length;
        const skipped = plan.unchanged.length + read.value.setAside.length;
        const invalid = outcomes.length - valid.length + plan.problems.length;
        const problems = [...read.value.problems, ...plan.problems].sort(byPlace);
        const outcome = { sheet: sheet.name, template: { mapping: request.mapping, rules }, created, updated, skipped, invalid };
        // A job's row is written to only at the end: progress is written to it from outside this transaction meanwhile.
        if (!job) {
          await tx.insert(imports).values({
            id: importId,
            status: "committed",
            fileName: request.fileName,
            fileSize: request.bytes.length,
            fileSha256: sha256,
            createdBy: actorId(by as Principal),
            finishedAt: new Date(),
            ...outcome,
          });
        }
        const filedCases: { id: string; rowNumber: number }[] = [];
        for (let start = 0; start < fresh.length; start += COMMIT_BATCH) {
          if (job && (await job.cancelled())) refuse(fail("importCancelled"));
          const batch = fresh.slice(start, start + COMMIT_BATCH);
          const filed = await fileCases(
            tx,
            by as Principal,
            batch.map(({ row, input }) => ({
              values: input,
              reason: reasonOf(request.fileName, row.number),
              reference: references.get(row.number),
            })),
            { deferAudit: true },
          );
          await insertRows(
            tx,
            importRecords,
            batch.map(({ row, key }, i) => ({ importId, caseId: filed[i].id, rowNumber: row.number, sourceKey: key, created: true })),
          );
          filedCases.push(...batch.map(({ row }, i) => ({ id: filed[i].id, rowNumber: row.number })));
          await job?.progress(start + batch.length, fresh.length);
        }
        if (job) {
          await tx
            .update(imports)
            .set({ status: "committed", ...outcome, progressDone: created, progressTotal: created, finishedAt: new Date() })
            .where(eq(imports.id, importId));
        }
        await recordCreations(tx, by as Principal, request.fileName, filedCases);
        await applyUpdates(tx, by as Principal, importId, request.fileName, plan.updates);
        // The case each new row became, as its batch returned it.
        const caseOf = new Map(filedCases.map((f) => [f.rowNumber, f.id]));
        const items = await fileImportedItems(tx, by as Principal, filedItems(caseOf, fresh, read.value, request.fileName));
        const victimCount = items.victims;
        await applyImportedLifecycles(tx, by as Principal, importId, request.fileName, filedLifecycles(caseOf, fresh));
        const caseOfLinked = new Map(fresh.flatMap((r) => (read.value.duplicates.has(r.row.number) ? [[r.row.number, caseOf.get(r.row.number)!] as const] : [])));
        const linked = await linkImportedDuplicates(tx, by as Principal, importId, request.fileName, caseOfLinked, read.value.duplicates);
        await recordAudit(tx, {
          actor: by,
          action: "import.committed",
          entityType: "import",
          entityId: importId,
          subject: request.fileName,
          changes: {
            file: { from: null, to: { name: request.fileName, size: request.bytes.length, sha256, sheet: sheet.name } },
            counts: {
              from: null,
              to: {
                rows: outcomes.length + read.value.setAside.length,
                created,
                updated,
                skipped,
                invalid,
                setAside: read.value.setAside.length,
                victims: victimCount,
                sources: items.sources,
                duplicates: linked,
              },
            },
          },
        });
        return { importId, created, updated, skipped, victims: victimCount, sources: items.sources, duplicates: linked, problems, invalidRows: invalid };
      }),
    );
  } catch (err) {
    return expectedFailure(err);
  }
}

type ValidRow = ReadImport["valid"][number];

/**
 * The cases whose values the file changed, updated in place as an edit would be: one version on, the
 * search text refreshed, a `case.updated` event with what changed and the file and row as its reason,
 * and the version the import left recorded, so a later re-import sees whether someone changed it since.
 */
async function applyUpdates(tx: Tx, by: Principal, importId: string, fileName: string, updates: ReimportPlan["updates"]): Promise<void> {
  if (!updates.length) return;
  const userId = actorId(by);
  for (const { item, current, values } of updates) {
    await tx.update(cases).set({ ...values, version: current.version + 1, updatedBy: userId, updatedAt: new Date() }).where(eq(cases.id, current.id));
    await refreshSearchText(tx, current.id);
  }
  await insertRows(
    tx,
    importRecords,
    updates.map(({ item, current }) => ({ importId, caseId: current.id, rowNumber: item.row.number, sourceKey: item.key, caseVersion: current.version + 1 })),
  );
  await recordAudits(
    tx,
    updates.map(({ item, current, changes }) => ({
      actor: by,
      action: "case.updated",
      entityType: "case",
      entityId: current.id,
      caseId: current.id,
      changes,
      reason: `re-imported from ${fileName}, row ${item.row.number}`,
    })),
  );
}

/** The filed rows that carry a stage, grading or answer, in the file's order, with the cases they became. */
function filedLifecycles(caseOf: Map<number, string>, fresh: ValidRow[]): FiledLifecycle[] {
  const moved = fresh.filter((r) => r.lifecycle && r.lifecycle.stage !== "submission");
  return moved.map((r) => ({ caseId: caseOf.get(r.row.number)!, rowNumber: r.row.number, lifecycle: r.lifecycle! }));
}

/** The new allegations' victims (from their rows, then the victims sheet) and sources, with the cases they belong to. */
function filedItems(caseOf: Map<number, string>, fresh: ValidRow[], read: ReadImport, fileName: string): FiledItems[] {
  const sheet = read.victims;
  const victimsFrom = sheet?.provenance ?? `${fileName}, sheet ${sheet?.sheet.name}`;
  const sheetVictims = (r: ValidRow) => (r.key && sheet?.byKey.get(r.key)) || [];
  const withItems = fresh.filter((r) => r.victims.length || r.sources.length || sheetVictims(r).length);
  return withItems.map((r) => {
    const fromRow = <T,>(input: T) => ({ input, reason: reasonOf(fileName, r.row.number) });
    return {
      caseId: caseOf.get(r.row.number)!,
      victims: [
        ...r.victims.map(fromRow),
        ...sheetVictims(r).map((v) => ({ input: v.input, reason: `imported from ${victimsFrom}, row ${v.row.number}` })),
      ],
      sources: r.sources.map(fromRow),
    };
  });
}

const reasonOf = (fileName: string, rowNumber: number) => `imported from ${fileName}, row ${rowNumber}`;

/**
 * The `case.created` events of what the import filed, in the order of its rows, built from the stored
 * cases a chunk at a time (fetched by id: only the ids are held meanwhile), and the chain's lock
 * taken only now, at the end of the import's transaction.
 */
async function recordCreations(tx: Tx, by: Principal, fileName: string, filed: { id: string; rowNumber: number }[]): Promise<void> {
  if (!filed.length) return;
  const chain = await openChain(tx, filed.length);
  for (let start = 0; start < filed.length; start += INSERT_CHUNK) {
    const chunk = filed.slice(start, start + INSERT_CHUNK);
    const stored = new Map((await tx.select().from(cases).where(inArray(cases.id, chunk.map((f) => f.id)))).map((c) => [c.id, c]));
    await chain.append(chunk.map(({ id, rowNumber }) => creationEvent(by, stored.get(id)!, reasonOf(fileName, rowNumber))));
  }
}

/**
 * The references the rows will have, taken before the import's long transaction in one of their own
 * (audited, so a number an import then did not use is explained): holding the year's counter for the
 * whole import would make everyone filing a case of that year wait for it.
 */
async function reserveImportReferences(db: Db, by: Principal, importId: string, fileName: string, rows: ValidRow[]): Promise<Map<number, string>> {
  if (!rows.length) return new Map();
  return db.transaction(async (tx) => {
    const references = await reserveReferences(tx, rows.map((r) => incidentYearOf(r.input)));
    const ranges: Record<string, string> = {};
    for (const reference of references) {
      const year = reference.split("-")[1];
      ranges[year] = ranges[year] ? `${ranges[year].split(" – ")[0]} – ${reference}` : reference;
    }
    await recordAudit(tx, {
      actor: by,
      action: "import.references_reserved",
      entityType: "import",
      entityId: importId,
      subject: fileName,
      changes: { references: { from: null, to: ranges } },
    });
    return new Map(rows.map((r, i) => [r.row.number, references[i]]));
  });
}
