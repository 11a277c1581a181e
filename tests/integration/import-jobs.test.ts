import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { cases, importRecords, imports } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { verifyDatabaseChain } from "@/lib/audit/verify";
import { updateCase } from "@/lib/cases/commands";
import { FilesystemEvidenceStore } from "@/lib/evidence/store";
import { cancelImport, previewUpload, startImport, uploadImport } from "@/lib/import/jobs";
import { readImportState } from "@/lib/import/queries";
import { undoImport } from "@/lib/import/undo";
import { addAccount } from "../support/accounts";
import { backends } from "../support/databases";
import { manyRows } from "../support/imports";
import { auditEventsWithAction } from "../support/rows";

const airwarsCsv = readFileSync(new URL("../fixtures/import/airwars-like.csv", import.meta.url), "utf8");

async function* chunks(bytes: Uint8Array, size = 4096): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** Every file the store holds, half-written ones aside. */
function stored(dir: string): string[] {
  const walk = (d: string): string[] =>
    existsSync(d) ? readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)])) : [];
  return walk(dir).filter((f) => !f.includes(".incoming"));
}

describe.each(backends)("import jobs on $name", (backend) => {
  let handle: DatabaseHandle;
  let reviewer: Actor;
  let staff: Actor;
  let store: FilesystemEvidenceStore;
  let dir: string;
  beforeAll(async () => {
    handle = await backend.open();
    reviewer = await addAccount(handle.db, "reviewer");
    staff = await addAccount(handle.db, "staff");
    dir = mkdtempSync(path.join(tmpdir(), "civharm-import-"));
    store = new FilesystemEvidenceStore(path.join(dir, "evidence"));
  });
  afterAll(async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const upload = async (fileName: string, bytes: Uint8Array) => {
    const result = await uploadImport(handle.db, store, reviewer, { fileName, stream: chunks(bytes) });
    if (!result.ok) throw new Error(result.error);
    return result.value.importId;
  };
  const casesOf = (importId: string) =>
    handle.db.select({ id: cases.id, reference: cases.reference, deletedAt: cases.deletedAt }).from(importRecords).innerJoin(cases, eq(cases.id, importRecords.caseId)).where(eq(importRecords.importId, importId));

  it("keeps an uploaded file in the evidence store, records it, audited, and files nothing yet", async () => {
    const bytes = manyRows("up", 3);
    const importId = await upload("../Raqqa\u202Egpj.csv", bytes);
    const state = await readImportState(handle.db, reviewer, importId);
    expect(state).toMatchObject({ status: "uploaded", fileName: "Raqqagpj.csv", fileSize: bytes.length, created: 0, createdByName: expect.any(String) });
    const kept = await store.get(state!.fileKey!);
    const back: Buffer[] = [];
    for await (const c of kept!.stream) back.push(Buffer.from(c));
    expect(Buffer.concat(back).equals(bytes)).toBe(true);
    expect((await auditEventsWithAction(handle.db, "import.uploaded")).at(-1)).toMatchObject({ entityId: importId, actorId: reviewer.id, changes: { file: { to: { sha256: state!.fileSha256 } } } });
    expect(await casesOf(importId)).toEqual([]);
  });

  it("refuses what it cannot read, what is too large and anyone without case:import, keeping nothing", async () => {
    const before = stored(store.dir).length;
    const [{ n: rowsBefore }] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(imports);
    expect(await uploadImport(handle.db, store, reviewer, { fileName: "x.csv", stream: chunks(Buffer.alloc(0)) })).toMatchObject({ ok: false, error: "importEmpty" });
    expect(await uploadImport(handle.db, store, reviewer, { fileName: "x.png", stream: chunks(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe, 0xd8])) })).toMatchObject({ ok: false, error: "importNotText" });
    expect(await uploadImport(handle.db, store, reviewer, { fileName: "big.csv", stream: chunks(manyRows("big", 50)) }, 1000)).toMatchObject({ ok: false, error: "importTooLarge", params: { maxMegabytes: "0" } });
    expect(await uploadImport(handle.db, store, reviewer, { fileName: "big.csv", stream: chunks(Buffer.from("a")), declaredSize: 2000 }, 1000)).toMatchObject({ ok: false, error: "importTooLarge" });
    expect(await uploadImport(handle.db, store, reviewer, { fileName: "   ", stream: chunks(manyRows("n", 1)) })).toMatchObject({ ok: false, error: "invalidInput", fieldErrors: { fileName: ["required"] } });
    expect(await uploadImport(handle.db, store, staff, { fileName: "a.csv", stream: chunks(manyRows("s", 1)) })).toMatchObject({ ok: false, error: "forbidden" });
    expect(stored(store.dir).length).toBe(before);
    const [{ n: rowsAfter }] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(imports);
    expect(rowsAfter).toBe(rowsBefore);
  });

  it("previews the stored file as asked, and refuses a mapping that names what is not ours", async () => {
    const importId = await upload("p.csv", Buffer.from(airwarsCsv));
    const preview = await previewUpload(handle.db, store, reviewer, importId, {});
    expect(preview).toMatchObject({ ok: true, value: { rows: 4, validRows: 2, invalidRows: 2 } });
    expect(await previewUpload(handle.db, store, reviewer, importId, { mapping: { 0: "title", 1: "title" } })).toMatchObject({ ok: false, fieldErrors: { mapping: ["fieldTwice"] } });
    expect(await previewUpload(handle.db, store, reviewer, importId, { mapping: { 0: "dropTable" } })).toMatchObject({ ok: false, error: "invalidInput" });
    expect(await previewUpload(handle.db, store, reviewer, importId, { mapping: { 99: "title" } })).toMatchObject({ ok: false, fieldErrors: { mapping: ["invalid"] } });
    expect(await previewUpload(handle.db, store, reviewer, importId, { sheet: "nope" })).toMatchObject({ ok: false, fieldErrors: { sheet: ["invalid"] } });
    expect(await previewUpload(handle.db, store, reviewer, "00000000-0000-4000-8000-000000000000", {})).toMatchObject({ ok: false, error: "notFound" });
    expect(await previewUpload(handle.db, store, staff, importId, {})).toMatchObject({ ok: false, error: "forbidden" });
  });

  it("commits on the server, once: running, then committed with its counts, the trail telling each step", async () => {
    const bytes = manyRows("run", 1100);
    const importId = await upload("run.csv", bytes);
    expect(await startImport(handle.db, store, reviewer, importId, {}, { wait: true })).toMatchObject({ ok: true, value: { status: "running" } });
    const state = await readImportState(handle.db, reviewer, importId);
    expect(state).toMatchObject({ status: "committed", created: 1100, skipped: 0, invalid: 0, progressDone: 1100, progressTotal: 1100, sheet: "CSV" });
    expect(state!.finishedAt).toBeInstanceOf(Date);
    const filed = await casesOf(importId);
    expect(filed).toHaveLength(1100);
    const reserved = (await auditEventsWithAction(handle.db, "import.references_reserved")).at(-1);
    const references = filed.map((f) => f.reference).sort();
    expect(reserved).toMatchObject({ entityId: importId, changes: { references: { to: { "2017": `${references[0]} – ${references.at(-1)}` } } } });
    for (const action of ["import.started", "import.committed"]) {
      expect((await auditEventsWithAction(handle.db, action)).at(-1)).toMatchObject({ entityId: importId, actorId: reviewer.id });
    }
    expect(await startImport(handle.db, store, reviewer, importId, {}, { wait: true })).toMatchObject({ ok: false, error: "importNotStartable", params: { status: "committed" } });
    expect(await casesOf(importId)).toHaveLength(1100);
    expect(await verifyDatabaseChain(handle.db)).toMatchObject({ ok: true });
  });

  it("takes up an interrupted job again from the start, and refuses to start a running one", async () => {
    const importId = await upload("again.csv", manyRows("again", 3));
    await handle.db.update(imports).set({ status: "running", heartbeatAt: new Date() }).where(eq(imports.id, importId));
    expect(await startImport(handle.db, store, reviewer, importId, {}, { wait: true })).toMatchObject({ ok: false, error: "importNotStartable", params: { status: "running" } });
    await handle.db.update(imports).set({ heartbeatAt: new Date(Date.now() - 60_000) }).where(eq(imports.id, importId));
    expect(await readImportState(handle.db, reviewer, importId)).toMatchObject({ status: "interrupted" });
    expect(await startImport(handle.db, store, reviewer, importId, {}, { wait: true })).toMatchObject({ ok: true });
    expect(await readImportState(handle.db, reviewer, importId)).toMatchObject({ status: "committed", created: 3 });
  });

  it("puts aside an upload not started, and refuses to cancel what has ended", async () => {
    const importId = await upload("aside.csv", manyRows("aside", 2));
    expect(await cancelImport(handle.db, reviewer, importId)).toMatchObject({ ok: true, value: { status: "cancelled" } });
    expect(await readImportState(handle.db, reviewer, importId)).toMatchObject({ status: "cancelled" });
    expect(await cancelImport(handle.db, reviewer, importId)).toMatchObject({ ok: false, error: "importNotCancellable" });
    expect(await startImport(handle.db, store, reviewer, importId, {}, { wait: true })).toMatchObject({ ok: false, error: "importNotStartable" });
    expect(await cancelImport(handle.db, staff, importId)).toMatchObject({ ok: false, error: "forbidden" });
  });

  it.runIf(backend.name === "postgres")("stops a running job when asked: nothing it filed stays, and the progress was seen meanwhile", async () => {
    const importId = await upload("stop.csv", manyRows("stop", 10_000));
    expect(await startImport(handle.db, store, reviewer, importId, {})).toMatchObject({ ok: true });
    let seen = 0;
    for (let i = 0; i < 600 && seen === 0; i++) {
      seen = (await readImportState(handle.db, reviewer, importId))!.progressDone;
      if (!seen) await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen).toBeGreaterThan(0);
    expect(await cancelImport(handle.db, reviewer, importId)).toMatchObject({ ok: true, value: { status: "running" } });
    let state = await readImportState(handle.db, reviewer, importId);
    for (let i = 0; i < 500 && state!.status === "running"; i++) {
      await new Promise((r) => setTimeout(r, 20));
      state = await readImportState(handle.db, reviewer, importId);
    }
    expect(state).toMatchObject({ status: "cancelled", failure: "importCancelled", created: 0 });
    expect(await casesOf(importId)).toEqual([]);
    expect((await auditEventsWithAction(handle.db, "import.cancelled")).at(-1)).toMatchObject({ entityId: importId });
    expect(await verifyDatabaseChain(handle.db)).toMatchObject({ ok: true });
  });

  it("undoes an import: every allegation it filed withdrawn with the reason, audited, once", async () => {
    const importId = await upload("undo.csv", manyRows("undo", 4));
    await startImport(handle.db, store, reviewer, importId, {}, { wait: true });
    expect(await undoImport(handle.db, reviewer, importId, { reason: "" })).toMatchObject({ ok: false, fieldErrors: { reason: ["required"] } });
    expect(await undoImport(handle.db, staff, importId, { reason: "wrong file" })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await undoImport(handle.db, reviewer, importId, { reason: "wrong file" })).toEqual({ ok: true, value: { withdrawn: 4 } });
    const filed = await casesOf(importId);
    expect(filed.every((c) => c.deletedAt !== null)).toBe(true);
    const deleted = (await auditEventsWithAction(handle.db, "case.deleted")).filter((e) => filed.some((c) => c.id === e.caseId));
    expect(deleted.map((e) => e.reason)).toEqual(Array(4).fill("undo of import undo.csv: wrong file"));
    expect(await readImportState(handle.db, reviewer, importId)).toMatchObject({ status: "undone" });
    expect(await undoImport(handle.db, reviewer, importId, { reason: "again" })).toMatchObject({ ok: false, error: "importNotUndoable" });
    // What it had filed may come in again.
    const again = await upload("undo.csv", manyRows("undo", 4));
    await startImport(handle.db, store, reviewer, again, {}, { wait: true });
    expect(await readImportState(handle.db, reviewer, again)).toMatchObject({ status: "committed", created: 4, skipped: 0 });
  });

  it("refuses to undo an import one of whose allegations changed since, naming it, and withdraws nothing", async () => {
    const importId = await upload("kept.csv", manyRows("kept", 3));
    await startImport(handle.db, store, reviewer, importId, {}, { wait: true });
    const filed = await casesOf(importId);
    const [one] = await handle.db.select().from(cases).where(eq(cases.id, filed[1].id));
    expect(await updateCase(handle.db, reviewer, one.id, { ...one, title: "Corrected title", version: one.version, reason: "typo" })).toMatchObject({ ok: true });
    expect(await undoImport(handle.db, reviewer, importId, { reason: "wrong file" })).toMatchObject({
      ok: false,
      error: "importChangedSince",
      params: { count: "1", references: one.reference },
    });
    const after = await handle.db.select({ deletedAt: cases.deletedAt }).from(cases).where(inArray(cases.id, filed.map((f) => f.id)));
    expect(after.every((c) => c.deletedAt === null)).toBe(true);
    expect(await readImportState(handle.db, reviewer, importId)).toMatchObject({ status: "committed" });
  });
});
