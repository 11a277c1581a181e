import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { cases, importRecords } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { verifyDatabaseChain } from "@/lib/audit/verify";
import { createCase, updateCase } from "@/lib/cases/commands";
import { hararAlBaduInput } from "@/db/seed/case-samples";
import { commitImport } from "@/lib/import/commit";
import { guessMapping } from "@/lib/import/fields";
import { previewImport } from "@/lib/import/preview";
import { readTable } from "@/lib/import/table";
import { undoImport } from "@/lib/import/undo";
import { addAccount } from "../support/accounts";
import { backends } from "../support/databases";
import { auditEventsWithAction } from "../support/rows";

type Row = { code: string; killed: [number, number]; summary?: string };

/** A small export of another monitor's: with or without its Summary column. */
function csv(rows: Row[], { summary = true } = {}): Buffer {
  const header = ["Code", "Date", "Country", "Governorate", "Belligerent", "Strike type", "Civilians killed (min)", "Civilians killed (max)", ...(summary ? ["Summary"] : [])];
  const lines = rows.map((r) => [r.code, "14/06/2017", "Syria", "Ar-Raqqa", "Coalition", "Airstrike", r.killed[0], r.killed[1], ...(summary ? [r.summary ?? `Strike ${r.code}`] : [])].join(","));
  return Buffer.from([header.join(","), ...lines].join("\n"));
}

async function commit(db: DatabaseHandle["db"], by: Actor, fileName: string, bytes: Buffer) {
  const table = await readTable(bytes);
  if (!table.ok) throw new Error(table.error);
  return commitImport(db, by, { fileName, bytes, mapping: guessMapping(table.value.sheets[0].headers) });
}

describe.each(backends)("re-importing on $name", (backend) => {
  let handle: DatabaseHandle;
  let reviewer: Actor;
  beforeAll(async () => {
    handle = await backend.open();
    reviewer = await addAccount(handle.db, "reviewer");
  });
  afterAll(() => handle.close());

  const caseOf = async (code: string) => (await handle.db.select().from(cases).where(eq(cases.externalCodes, [code])))[0];

  it("updates in place only what the file changed, one version on with the file and row in the trail, and never blanks what the file lacks", async () => {
    const a = "CSU1";
    const b = "CSU2";
    expect(await commit(handle.db, reviewer, "first.csv", csv([{ code: a, killed: [3, 5] }, { code: b, killed: [1, 1] }]))).toMatchObject({ ok: true, value: { created: 2 } });
    const before = await caseOf(a);

    // The next export has no Summary column and new figures for one incident.
    const next = csv([{ code: a, killed: [4, 6] }, { code: b, killed: [1, 1] }], { summary: false });
    const table = await readTable(next);
    if (!table.ok) throw new Error(table.error);
    expect(await previewImport(handle.db, reviewer, { bytes: next })).toMatchObject({ ok: true, value: { toFile: 0, toUpdate: 1, unchanged: 1, invalidRows: 0 } });
    expect(await commit(handle.db, reviewer, "second.csv", next)).toMatchObject({ ok: true, value: { created: 0, updated: 1, skipped: 1, invalidRows: 0 } });

    const after = await caseOf(a);
    expect(after).toMatchObject({ id: before.id, reference: before.reference, killedMin: 4, killedMax: 6, narrative: before.narrative, version: 2 });
    expect(after.narrative).toBe(`Strike ${a}`);
    const updated = (await auditEventsWithAction(handle.db, "case.updated")).filter((e) => e.caseId === before.id);
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatchObject({ actorId: reviewer.id, reason: "re-imported from second.csv, row 2", changes: { killedMin: { from: 3, to: 4 }, killedMax: { from: 5, to: 6 } } });
    expect(Object.keys(updated[0].changes ?? {}).sort()).toEqual(["killedMax", "killedMin"]);
    const records = await handle.db.select().from(importRecords).where(eq(importRecords.caseId, before.id));
    expect(records.map((r) => r.caseVersion).sort()).toEqual([1, 2]);

    // The same file again changes nothing; the case is as the last import left it.
    expect(await commit(handle.db, reviewer, "second-again.csv", next)).toMatchObject({ ok: true, value: { created: 0, updated: 0, skipped: 2 } });
    expect(await verifyDatabaseChain(handle.db)).toMatchObject({ ok: true });
  });

  it("never overwrites a case changed here since it was imported: that row is a problem naming it, the rest goes in", async () => {
    const a = "CSV1";
    const b = "CSV2";
    await commit(handle.db, reviewer, "first.csv", csv([{ code: a, killed: [3, 5] }, { code: b, killed: [1, 1] }]));
    const edited = await caseOf(a);
    expect(await updateCase(handle.db, reviewer, edited.id, { killedMax: 9, version: edited.version, reason: "A second source" })).toMatchObject({ ok: true });

    const next = csv([{ code: a, killed: [4, 6] }, { code: b, killed: [2, 2] }, { code: "CSV3", killed: [1, 2] }]);
    const outcome = await commit(handle.db, reviewer, "second.csv", next);
    expect(outcome).toMatchObject({ ok: true, value: { created: 1, updated: 1, skipped: 0, invalidRows: 1 } });
    if (!outcome.ok) return;
    expect(outcome.value.problems).toEqual([{ row: 2, column: "Code", field: "externalCode", message: "importChangedHere", params: { reference: edited.reference } }]);
    expect(await caseOf(a)).toMatchObject({ killedMin: 3, killedMax: 9, version: 2 });
    expect(await caseOf(b)).toMatchObject({ killedMin: 2, killedMax: 2, version: 2 });

    // Undone, it withdraws what it filed; what it updated of the first import's allegations stays.
    expect(await undoImport(handle.db, reviewer, outcome.value.importId, { reason: "Wrong export" })).toEqual({ ok: true, value: { withdrawn: 1 } });
    expect((await caseOf("CSV3")).deletedAt).not.toBeNull();
    expect(await caseOf(b)).toMatchObject({ killedMin: 2, deletedAt: null });
  });

  it("flags rows that look like allegations filed by hand, and leaves out the rows the person ticks", async () => {
    const byHand = await createCase(handle.db, reviewer, hararAlBaduInput({ incidentDateFrom: "2016-03-10", externalCodes: "" }));
    if (!byHand.ok) throw new Error(byHand.error);
    const file = Buffer.from(
      [
        "Code,Date,Country,Governorate,Belligerent,Strike type,Civilians killed (min),Civilians killed (max)",
        "CSX1,12/03/2016,Syria,Ar-Raqqa,Coalition,Airstrike,1,2",
        "CSX2,20/05/2016,Syria,Ar-Raqqa,Coalition,Airstrike,1,2",
      ].join("\n"),
    );
    const preview = await previewImport(handle.db, reviewer, { bytes: file });
    expect(preview).toMatchObject({ ok: true, value: { toFile: 2, lookalikeCount: 1, setAside: [] } });
    if (!preview.ok) return;
    expect(preview.value.lookalikes).toEqual([{ row: 2, cases: [{ id: byHand.value.id, reference: expect.any(String), title: "Airstrike on a five-storey building in Harat al-Badu" }] }]);

    expect(await previewImport(handle.db, reviewer, { bytes: file, skip: [2] })).toMatchObject({ ok: true, value: { rows: 2, toFile: 1, lookalikeCount: 0, setAside: [2] } });
    const outcome = await commitImport(handle.db, reviewer, { fileName: "x.csv", bytes: file, mapping: preview.value.mapping, skip: [2] });
    expect(outcome).toMatchObject({ ok: true, value: { created: 1, skipped: 1, invalidRows: 0 } });
    expect(await caseOf("CSX1")).toBeUndefined();
    expect(await caseOf("CSX2")).toBeDefined();
  });

  it("refuses an update that would make the case invalid, leaving it as it was", async () => {
    await commit(handle.db, reviewer, "first.csv", csv([{ code: "CSW1", killed: [3, 5] }]));
    const before = await caseOf("CSW1");
    await handle.db.update(cases).set({ killedChildrenMin: 4, killedChildrenMax: 4 }).where(eq(cases.id, before.id));
    const outcome = await commit(handle.db, reviewer, "second.csv", csv([{ code: "CSW1", killed: [1, 2] }]));
    expect(outcome).toMatchObject({ ok: true, value: { updated: 0, invalidRows: 1, problems: [{ row: 2, message: "importUpdateInvalid", params: { reference: before.reference } }] } });
    expect(await caseOf("CSW1")).toMatchObject({ killedMin: 3, killedMax: 5 });
  });
});
