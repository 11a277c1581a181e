import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { imports } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { FilesystemEvidenceStore } from "@/lib/evidence/store";
import { uploadImport } from "@/lib/import/jobs";
import { backgroundPreview } from "@/lib/import/preview-jobs";
import { addAccount } from "../support/accounts";
import { backends } from "../support/databases";

const airwarsCsv = readFileSync(new URL("../fixtures/import/airwars-like.csv", import.meta.url), "utf8");
const manyRows = (suffix: string, count: number) => {
  const [header, first] = airwarsCsv.split("\n");
  return Buffer.from([header, ...Array.from({ length: count }, (_, i) => first.replace("CS483", `CS483-${suffix}${i}`))].join("\n"));
};

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

describe.each(backends)("the preview of a large file, run on the server, on $name", (backend) => {
  let handle: DatabaseHandle;
  let reviewer: Actor;
  let staff: Actor;
  let store: FilesystemEvidenceStore;
  let dir: string;
  beforeAll(async () => {
    handle = await backend.open();
    reviewer = await addAccount(handle.db, "reviewer");
    staff = await addAccount(handle.db, "staff");
    dir = mkdtempSync(path.join(tmpdir(), "civharm-preview-"));
    store = new FilesystemEvidenceStore(path.join(dir, "evidence"));
  });
  afterAll(async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers with its progress while it runs, then with the preview of that reading; a new reading starts afresh", async () => {
    const uploaded = await uploadImport(handle.db, store, reviewer, { fileName: "big.csv", stream: once(manyRows("pj", 5_000)) });
    if (!uploaded.ok) throw new Error(uploaded.error);
    const importId = uploaded.value.importId;
    // Everything above 1 kB counts as large here, so this file takes the job's path.
    const large = { inRequestBytes: 1024 };
    expect(await backgroundPreview(handle.db, store, reviewer, importId, {}, { ...large, wait: true })).toEqual({ ok: true, value: { status: "running", done: 0, total: 0 } });
    const [row] = await handle.db.select().from(imports).where(eq(imports.id, importId));
    expect(row.previewState).toMatchObject({ status: "done", preview: { rows: 5_000, validRows: 5_000 } });

    const done = await backgroundPreview(handle.db, store, reviewer, importId, {}, large);
    expect(done).toMatchObject({ ok: true, value: { status: "done", preview: { rows: 5_000, toFile: 5_000, sheet: "CSV" } } });

    // Another reading (rows left out) is not the last one's result: it runs, then answers for itself.
    expect(await backgroundPreview(handle.db, store, reviewer, importId, { skip: [2, 3] }, { ...large, wait: true })).toMatchObject({ ok: true, value: { status: "running" } });
    expect(await backgroundPreview(handle.db, store, reviewer, importId, { skip: [2, 3] }, large)).toMatchObject({ ok: true, value: { status: "done", preview: { toFile: 4_998, setAside: [2, 3] } } });
    // A refused reading is kept as refused, with its field.
    const refusedReading = { mapping: { 0: "title", 1: "title" } };
    await backgroundPreview(handle.db, store, reviewer, importId, refusedReading, { ...large, wait: true });
    expect(await backgroundPreview(handle.db, store, reviewer, importId, refusedReading, large)).toMatchObject({ ok: false, error: "invalidInput", fieldErrors: { mapping: ["fieldTwice"] } });
  });

  it("shows a job whose process went silent as not running, and starts it again", async () => {
    const uploaded = await uploadImport(handle.db, store, reviewer, { fileName: "silent.csv", stream: once(manyRows("ps", 50)) });
    if (!uploaded.ok) throw new Error(uploaded.error);
    const importId = uploaded.value.importId;
    const large = { inRequestBytes: 1024 };
    await backgroundPreview(handle.db, store, reviewer, importId, {}, { ...large, wait: true });
    // As a process that died mid-preview would leave it: running, its heartbeat a minute old.
    await handle.db.update(imports).set({ previewState: { status: "running", done: 10, total: 50 }, previewHeartbeatAt: new Date(Date.now() - 60_000) }).where(eq(imports.id, importId));
    expect(await backgroundPreview(handle.db, store, reviewer, importId, {}, { ...large, wait: true })).toMatchObject({ ok: true, value: { status: "running", done: 0 } });
    expect(await backgroundPreview(handle.db, store, reviewer, importId, {}, large)).toMatchObject({ ok: true, value: { status: "done", preview: { rows: 50 } } });
  });

  it("previews a small file in the request, and refuses whoever may not import", async () => {
    const uploaded = await uploadImport(handle.db, store, reviewer, { fileName: "small.csv", stream: once(manyRows("pr", 3)) });
    if (!uploaded.ok) throw new Error(uploaded.error);
    expect(await backgroundPreview(handle.db, store, reviewer, uploaded.value.importId, {})).toMatchObject({ ok: true, value: { status: "done", preview: { rows: 3 } } });
    expect(await backgroundPreview(handle.db, store, staff, uploaded.value.importId, {})).toMatchObject({ ok: false, error: "forbidden" });
  });
});
