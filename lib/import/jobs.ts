import { and, eq, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import { sharesConnections, type Db } from "@/db/client";
import { imports, type ImportStatus } from "@/db/schema";
import { authorize, type Principal } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { actorId } from "@/lib/cases/commands";
import type { EvidenceStore } from "@/lib/evidence/store";
import { logFault } from "@/lib/fault-log";
import type { Translate } from "@/lib/i18n/translator";
import { isUuid } from "@/lib/ids";
import { expectedFailure, fail, fieldErrorsOf, ok, type Result } from "@/lib/result";
import { commitImport, type CommitJob } from "./commit";
import type { ColumnMapping } from "./fields";
import { errorFile } from "./error-file";
import { previewImport, readWithTemplates, type ImportPreview } from "./preview";
import { readImport, type ReadImport } from "./read-import";
import { planReimport } from "./reimport";
import type { ReadingRules } from "./rows";
import { readImportState, stateOf } from "./queries";
import { receiveFile, type ImportUpload } from "./received-file";
import { STALE_AFTER_MS } from "./queries";
import { mappingInput, rulesInput } from "./templates";

/** The largest file taken in: a 100,000-row export is about 30 MB. It is read whole, so this bounds the memory of a job. */
export const IMPORT_MAX_BYTES = 64 * 1024 * 1024;
/** What the upload fields offer to choose. */
export const IMPORT_ACCEPT = ".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** How often a running job says it is alive, and how long a silence makes it interrupted (its process died). */
export const HEARTBEAT_MS = 5_000;


/** How a file is to be read: the sheet, and the mapping and rules (when left out: a template's, or guessed). */
export const readingRequest = z.object({
  sheet: z.string().max(200).optional(),
  /** Rows the person chose to leave out (rows that look like allegations filed by hand, say). */
  skip: z.array(z.int().min(1)).max(1_000_000).optional(),
  /** Rows to file as duplicates of allegations already here (look-alikes a person recognised): row number → the original's id. */
  duplicates: z.record(z.string().regex(/^\d{1,7}$/), z.uuid({ error: "invalid" })).optional(),
  mapping: mappingInput.optional(),
  rules: rulesInput.optional(),
});
export type ReadingRequest = { sheet?: string; mapping?: ColumnMapping; rules?: ReadingRules; skip?: number[]; duplicates?: Record<number, string> };

/**
 * Takes a file in: read whole (it must be a CSV or workbook we can read), kept in the evidence
 * store as the provenance of what it will file, and recorded as an uploaded import, audited.
 * Nothing is filed yet; a refusal keeps nothing.
 */
export async function uploadImport(
  db: Db,
  store: EvidenceStore,
  by: Principal | null,
  upload: ImportUpload,
  maxBytes = IMPORT_MAX_BYTES,
): Promise<Result<{ importId: string }>> {
  let key: string | null = null;
  try {
    authorize(by, "case:import");
    const received = await receiveFile(store, upload, maxBytes);
    if (!received.ok) return received;
    const { name, size, sha256 } = received.value;
    key = received.value.key;
    const fileKey = key;
    const importId = await db.transaction(async (tx) => {
      const [row] = await tx.insert(imports).values({ fileName: name, fileSize: size, fileSha256: sha256, fileKey, createdBy: actorId(by as Principal) }).returning({ id: imports.id });
      await recordAudit(tx, {
        actor: by,
        action: "import.uploaded",
        entityType: "import",
        entityId: row.id,
        subject: name,
        changes: { file: { from: null, to: { name, size, sha256 } } },
      });
      return row.id;
    });
    key = null;
    return ok({ importId });
  } catch (err) {
    return expectedFailure(err);
  } finally {
    if (key) await store.delete(key);
  }
}

/** An import's file, and its victims file when it has one, as kept; null when the first is gone. */
export async function storedFiles(store: EvidenceStore, row: Pick<typeof imports.$inferSelect, "fileKey" | "victimsFile">) {
  const bytes = await storedBytes(store, row.fileKey);
  if (!bytes) return null;
  const victimsBytes = row.victimsFile && (await storedBytes(store, row.victimsFile.key));
  return { bytes, victimsFile: row.victimsFile && victimsBytes ? { name: row.victimsFile.name, bytes: victimsBytes } : null };
}

export async function storedBytes(store: EvidenceStore, key: string | null): Promise<Buffer | null> {
  const found = key ? await store.get(key) : null;
  if (!found) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of found.stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** The uploaded file read as `request` says, writing nothing. */
export async function previewUpload(
  db: Db,
  store: EvidenceStore,
  by: Principal | null,
  importId: string,
  request: unknown,
): Promise<Result<ImportPreview>> {
  try {
    authorize(by, "case:import");
    const parsed = readingRequest.safeParse(request);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    const state = await readImportState(db, by, importId);
    const files = state && (await storedFiles(store, state));
    if (!state || !files) return fail("notFound");
    return await previewImport(db, by, { ...files, ...(parsed.data as ReadingRequest) });
  } catch (err) {
    return expectedFailure(err);
  }
}

/**
 * The error file of an import (lib/import/error-file.ts): its rows with problems, read as `request`
 * says, or, when it was committed and nothing is asked, as the commit read them.
 */
export async function errorFileOf(
  db: Db,
  store: EvidenceStore,
  by: Principal | null,
  importId: string,
  request: unknown,
  t: Translate,
): Promise<Result<{ fileName: string; csv: string }>> {
  try {
    authorize(by, "case:import");
    const parsed = readingRequest.safeParse(request);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    const state = await readImportState(db, by, importId);
    const files = state && (await storedFiles(store, state));
    if (!state || !files) return fail("notFound");
    const asCommitted = state.template as { mapping: ColumnMapping; rules: ReadingRules } | null;
    const given = parsed.data as ReadingRequest;
    const reading = Object.keys(given).length || !asCommitted ? given : { sheet: state.sheet ?? undefined, ...asCommitted };
    const read = await readImport({ ...files, ...reading });
    if (!read.ok) return read;
    // The rows a re-import cannot apply are left out too (for a committed import: as they stand now).
    const plan = await planReimport(db, read.value);
    const base = state.fileName.replace(/\.[^.]*$/, "");
    return ok({ fileName: `${base}-problems.csv`, csv: errorFile(read.value.sheet, [...read.value.problems, ...plan.problems], t) });
  } catch (err) {
    return expectedFailure(err);
  }
}

/**
 * Starts committing an uploaded import (or one interrupted, from the start again) on the server:
 * it is marked running here, and the commit goes on after this returns, in one transaction,
 * reporting its progress and heartbeat on the import's row. `wait` awaits the end (tests, scripts).
 */
export async function startImport(
  db: Db,
  store: EvidenceStore,
  by: Principal | null,
  importId: string,
  request: unknown,
  { wait = false }: { wait?: boolean } = {},
): Promise<Result<{ status: ImportStatus }>> {
  try {
    authorize(by, "case:import");
    const parsed = readingRequest.safeParse(request);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    if (!isUuid(importId)) return fail("notFound");
    const [current] = await db.select().from(imports).where(eq(imports.id, importId));
    const files = current && (await storedFiles(store, current));
    if (!current || !files) return fail("notFound");
    const reading = parsed.data as ReadingRequest;
    // Read before starting, so a file that cannot be read as asked is refused here, not as a failed job.
    const read = await readWithTemplates(db, by, { ...files, ...reading });
    if (!read.ok) return read;
    if (!Object.values(read.value.mapping).length) return fail("invalidInput", { mapping: ["required"] });
    const claimed = await db.transaction(async (tx) => {
      const [row] = await tx
        .update(imports)
        .set({ status: "running", heartbeatAt: new Date(), progressDone: 0, progressTotal: read.value.valid.length, cancelRequested: false, failure: null })
        .where(
          and(
            eq(imports.id, importId),
            or(
              eq(imports.status, "uploaded"),
              and(eq(imports.status, "running"), lt(imports.heartbeatAt, sql`now() - make_interval(secs => ${STALE_AFTER_MS / 1000})`)),
            ),
          ),
        )
        .returning({ id: imports.id });
      if (row) {
        await recordAudit(tx, { actor: by, action: "import.started", entityType: "import", entityId: importId, subject: current.fileName });
      }
      return Boolean(row);
    });
    if (!claimed) return fail("importNotStartable", undefined, { status: stateOf(current).status });
    const run = runImport(db, by as Principal, current, files.bytes, read.value);
    if (wait) await run;
    else void run;
    return ok({ status: "running" });
  } catch (err) {
    return expectedFailure(err);
  }
}

/**
 * The job itself. On PostgreSQL its progress, heartbeat and the check for a cancellation go through
 * other connections of the pool while the commit's transaction holds its own. Embedded PGlite has
 * one connection, held by the transaction: there the job runs to its end unobserved.
 */
async function runImport(db: Db, by: Principal, row: typeof imports.$inferSelect, bytes: Buffer, read: ReadImport): Promise<void> {
  const observed = sharesConnections(db);
  const beat = () => db.update(imports).set({ heartbeatAt: new Date() }).where(eq(imports.id, row.id));
  const heartbeat = observed ? setInterval(() => void beat().catch((err) => logFault("import heartbeat", err)), HEARTBEAT_MS) : null;
  const job: CommitJob = {
    importId: row.id,
    progress: async (done, total) => {
      if (observed) await db.update(imports).set({ progressDone: done, progressTotal: total, heartbeatAt: new Date() }).where(eq(imports.id, row.id));
    },
    cancelled: async () => {
      if (!observed) return false;
      const [found] = await db.select({ cancelled: imports.cancelRequested }).from(imports).where(eq(imports.id, row.id));
      return Boolean(found?.cancelled);
    },
  };
  try {
    const request = {
      fileName: row.fileName,
      bytes,
      sheet: read.sheet.name,
      mapping: read.mapping,
      rules: read.rules,
      skip: read.setAside,
      duplicates: Object.fromEntries(read.duplicates),
    };
    const outcome = await commitImport(db, by, request, job, read);
    if (!outcome.ok) await endJob(db, by, row, outcome.error === "importCancelled" ? "cancelled" : "failed", outcome.error);
  } catch (err) {
    logFault("import job", err);
    await endJob(db, by, row, "failed", "unexpected").catch((e) => logFault("import job end", e));
  } finally {
    if (heartbeat) clearInterval(heartbeat);
  }
}

async function endJob(db: Db, by: Principal, row: typeof imports.$inferSelect, status: "cancelled" | "failed", failure: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(imports).set({ status, failure, finishedAt: new Date() }).where(and(eq(imports.id, row.id), eq(imports.status, "running")));
    await recordAudit(tx, { actor: by, action: `import.${status}`, entityType: "import", entityId: row.id, subject: row.fileName, reason: failure });
  });
}

/**
 * Stops an import: a running one is asked to stop (its transaction is rolled back at the next batch,
 * so nothing it filed stays); an uploaded one not yet started is put aside. Audited.
 */
export async function cancelImport(db: Db, by: Principal | null, importId: string): Promise<Result<{ status: ImportStatus }>> {
  try {
    authorize(by, "case:import");
    if (!isUuid(importId)) return fail("notFound");
    return await db.transaction(async (tx) => {
      const [current] = await tx.select().from(imports).where(eq(imports.id, importId)).for("no key update");
      if (!current) return fail("notFound");
      const state = stateOf(current);
      if (state.status === "uploaded" || state.status === "interrupted") {
        await tx.update(imports).set({ status: "cancelled", finishedAt: new Date() }).where(eq(imports.id, importId));
      } else if (state.status === "running") {
        await tx.update(imports).set({ cancelRequested: true }).where(eq(imports.id, importId));
      } else {
        return fail("importNotCancellable", undefined, { status: state.status });
      }
      await recordAudit(tx, { actor: by, action: "import.cancel_requested", entityType: "import", entityId: importId, subject: current.fileName });
      return ok({ status: state.status === "running" ? "running" : "cancelled" });
    });
  } catch (err) {
    return expectedFailure(err);
  }
}
