import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { imports } from "@/db/schema";
import { uploadImport } from "@/lib/import/jobs";
import { backgroundPreview } from "@/lib/import/preview-jobs";
import { backends } from "../support/databases";
import { importSetting, manyRows, once } from "../support/imports";
describe.each(backends)("the preview of a large file, run on the server, on $name", (backend) => {
  const t = importSetting(backend);

  it("answers with its progress while it runs, then with the preview of that reading; a new reading starts afresh", async () => {
    const uploaded = await uploadImport(t.handle.db, t.store, t.reviewer, { fileName: "big.csv", stream: once(manyRows("pj", 5_000)) });
    if (!uploaded.ok) throw new Error(uploaded.error);
    const importId = uploaded.value.importId;
    // Everything above 1 kB counts as large here, so this file takes the job's path.
    const large = { inRequestBytes: 1024 };
    expect(await backgroundPreview(t.handle.db, t.store, t.reviewer, importId, {}, { ...large, wait: true })).toEqual({ ok: true, value: { status: "running", done: 0, total: 0 } });
    const [row] = await t.handle.db.select().from(imports).where(eq(imports.id, importId));
    expect(row.previewState).toMatchObject({ status: "done", preview: { rows: 5_000, validRows: 5_000 } });

    const done = await backgroundPreview(t.handle.db, t.store, t.reviewer, importId, {}, large);
    expect(done).toMatchObject({ ok: true, value: { status: "done", preview: { rows: 5_000, toFile: 5_000, sheet: "CSV" } } });

    // Another reading (rows left out) is not the last one's result: it runs, then answers for itself.
    expect(await backgroundPreview(t.handle.db, t.store, t.reviewer, importId, { skip: [2, 3] }, { ...large, wait: true })).toMatchObject({ ok: true, value: { status: "running" } });
    expect(await backgroundPreview(t.handle.db, t.store, t.reviewer, importId, { skip: [2, 3] }, large)).toMatchObject({ ok: true, value: { status: "done", preview: { toFile: 4_998, setAside: [2, 3] } } });
    // A refused reading is kept as refused, with its field.
    const refusedReading = { mapping: { 0: "title", 1: "title" } };
    await backgroundPreview(t.handle.db, t.store, t.reviewer, importId, refusedReading, { ...large, wait: true });
    expect(await backgroundPreview(t.handle.db, t.store, t.reviewer, importId, refusedReading, large)).toMatchObject({ ok: false, error: "invalidInput", fieldErrors: { mapping: ["fieldTwice"] } });
  });

  it("shows a job whose process went silent as not running, and starts it again", async () => {
    const uploaded = await uploadImport(t.handle.db, t.store, t.reviewer, { fileName: "silent.csv", stream: once(manyRows("ps", 50)) });
    if (!uploaded.ok) throw new Error(uploaded.error);
    const importId = uploaded.value.importId;
    const large = { inRequestBytes: 1024 };
    await backgroundPreview(t.handle.db, t.store, t.reviewer, importId, {}, { ...large, wait: true });
    // As a process that died mid-preview would leave it: running, its heartbeat a minute old.
    await t.handle.db.update(imports).set({ previewState: { status: "running", done: 10, total: 50 }, previewHeartbeatAt: new Date(Date.now() - 60_000) }).where(eq(imports.id, importId));
    expect(await backgroundPreview(t.handle.db, t.store, t.reviewer, importId, {}, { ...large, wait: true })).toMatchObject({ ok: true, value: { status: "running", done: 0 } });
    expect(await backgroundPreview(t.handle.db, t.store, t.reviewer, importId, {}, large)).toMatchObject({ ok: true, value: { status: "done", preview: { rows: 50 } } });
  });

  it("previews a small file in the request, and refuses whoever may not import", async () => {
    const uploaded = await uploadImport(t.handle.db, t.store, t.reviewer, { fileName: "small.csv", stream: once(manyRows("pr", 3)) });
    if (!uploaded.ok) throw new Error(uploaded.error);
    expect(await backgroundPreview(t.handle.db, t.store, t.reviewer, uploaded.value.importId, {})).toMatchObject({ ok: true, value: { status: "done", preview: { rows: 3 } } });
    expect(await backgroundPreview(t.handle.db, t.store, t.staff, uploaded.value.importId, {})).toMatchObject({ ok: false, error: "forbidden" });
  });
});
