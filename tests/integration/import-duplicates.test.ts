import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, cases } from "@/db/schema";
import { verifyDatabaseChain } from "@/lib/audit/verify";
import { createCase } from "@/lib/cases/commands";
import { markDuplicate, moveCase } from "@/lib/cases/stage-commands";
import { hararAlBaduInput } from "@/db/seed/case-samples";
import { commitImport } from "@/lib/import/commit";
import { previewImport } from "@/lib/import/preview";
import { undoImport } from "@/lib/import/undo";
import { backends } from "../support/databases";
import { importSetting } from "../support/imports";

/** Another monitor's export whose first row repeats an allegation filed here by hand (three days apart, same governorate). */
const file = (prefix: string) =>
  Buffer.from(
    [
      "Code,Date,Country,Governorate,Belligerent,Strike type,Civilians killed (min),Civilians killed (max)",
      `${prefix}1,12/03/2016,Syria,Ar-Raqqa,Coalition,Airstrike,1,2`,
      `${prefix}2,20/05/2016,Syria,Ar-Raqqa,Coalition,Airstrike,1,2`,
    ].join("\n"),
  );

describe.each(backends)("filing an imported look-alike as a duplicate, on $name", (backend) => {
  const t = importSetting(backend);

  const byHand = async () => {
    const filed = await createCase(t.handle.db, t.reviewer, hararAlBaduInput({ incidentDateFrom: "2016-03-10", externalCodes: "" }));
    if (!filed.ok) throw new Error(filed.error);
    const [row] = await t.handle.db.select().from(cases).where(eq(cases.id, filed.value.id));
    return row;
  };
  const caseOf = async (code: string) => (await t.handle.db.select().from(cases).where(sql`${cases.externalCodes} @> array[${code}]::text[]`))[0];

  it("files the row and closes it as a duplicate of the allegation it repeats, both trails naming the file and row", async () => {
    const original = await byHand();
    const bytes = file("DU");
    const preview = await previewImport(t.handle.db, t.reviewer, { bytes, duplicates: { 2: original.id } });
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.value).toMatchObject({ toFile: 2, lookalikeCount: 1, duplicates: { 2: original.id } });
    expect(preview.value.lookalikes[0].cases.map((c) => c.id)).toEqual([original.id]);

    const outcome = await commitImport(t.handle.db, t.reviewer, { fileName: "other.csv", bytes, mapping: preview.value.mapping, duplicates: { 2: original.id } });
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true, value: { created: 2, duplicates: 1 } });
    expect(await caseOf("DU1")).toMatchObject({ stage: "closed", closingReason: "duplicate", duplicateOf: original.id });
    // Submitted, then closed as a duplicate: the moves a person would make.
    expect(await caseOf("DU2")).toMatchObject({ stage: "submission", duplicateOf: null });

    const trail = async (caseId: string) =>
      (await t.handle.db.select().from(auditEvents).where(eq(auditEvents.caseId, caseId)).orderBy(asc(auditEvents.id))).map((e) => `${e.action} ${e.reason ?? ""}`.trim());
    const du1 = await caseOf("DU1");
    expect((await trail(du1.id)).filter((e) => !e.startsWith("case.created"))).toEqual([
      "case.submit imported from other.csv, row 2",
      "case.markedDuplicate imported from other.csv, row 2",
    ]);
    expect(await trail(original.id)).toEqual(expect.arrayContaining(["case.duplicateLinked imported from other.csv, row 2"]));
    expect((await verifyDatabaseChain(t.handle.db)).ok).toBe(true);

    // Undone, the duplicate is withdrawn with the rest: its own link was the import's doing, not a later change.
    expect(await undoImport(t.handle.db, t.reviewer, outcome.ok ? outcome.value.importId : "", { reason: "Wrong export" })).toEqual({ ok: true, value: { withdrawn: 2 } });
  });

  it("lists a row whose chosen original is gone or is itself a duplicate as a problem, and files the rest", async () => {
    const original = await byHand();
    const canonical = await byHand();
    expect(await moveCase(t.handle.db, t.reviewer, original.id, { move: "submit" })).toMatchObject({ ok: true });
    const marked = await markDuplicate(t.handle.db, t.reviewer, original.id, { original: canonical.id, reason: "Same strike" });
    expect(marked, JSON.stringify(marked)).toMatchObject({ ok: true });

    const preview = await previewImport(t.handle.db, t.reviewer, { bytes: file("DV"), duplicates: { 2: original.id } });
    expect(preview).toMatchObject({ ok: true, value: { toFile: 1, invalidRows: 1, duplicates: {} } });
    const problems = preview.ok ? preview.value.problems : [];
    expect(problems).toEqual([{ row: 2, column: null, field: "duplicates", message: "duplicateOfDuplicate", params: { reference: original.reference, original: canonical.reference } }]);
    // Shown with its look-alikes again, for the person to choose anew.
    expect(preview.ok && preview.value.lookalikes.map((l) => l.row)).toEqual([2]);
    const outcome = await commitImport(t.handle.db, t.reviewer, { fileName: "other.csv", bytes: file("DV"), mapping: await mapping(), duplicates: { 2: original.id } });
    expect(outcome).toMatchObject({ ok: true, value: { created: 1, duplicates: 0, invalidRows: 1, problems: [{ row: 2, message: "duplicateOfDuplicate" }] } });
    expect(await caseOf("DV1")).toBeUndefined();
    expect(await caseOf("DV2")).toBeDefined();

    const missing = await commitImport(t.handle.db, t.reviewer, { fileName: "other.csv", bytes: file("DW"), mapping: await mapping(), duplicates: { 2: "6f1c3c9e-8a1b-4f59-9a43-2d1f1e0b7c11" } });
    expect(missing).toMatchObject({ ok: true, value: { created: 1, invalidRows: 1, problems: [{ row: 2, field: "duplicates", message: "duplicateOriginalGone" }] } });
  });

  const mapping = async () => {
    const preview = await previewImport(t.handle.db, t.reviewer, { bytes: file("DX") });
    if (!preview.ok) throw new Error(preview.error);
    return preview.value.mapping;
  };
});
