import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, cases, victims } from "@/db/schema";
import { verifyDatabaseChain } from "@/lib/audit/verify";
import { previewUpload, startImport, uploadImport } from "@/lib/import/jobs";
import { readImportState } from "@/lib/import/queries";
import { uploadVictimsFile } from "@/lib/import/victims-file";
import { backends } from "../support/databases";
import { importSetting, once } from "../support/imports";
import { auditEventsWithAction } from "../support/rows";
/** A CSV export of incidents, and a second CSV of its victims keyed by the incident's code: F2's only victim has no name, F9 is no incident's code. */
const incidents = (code: string) =>
  Buffer.from(
    [
      "Code,Date,Governorate,Belligerent,Strike type,Civilians killed",
      `${code}1,2017-06-14,Ar-Raqqa,Coalition,Airstrike,2`,
      `${code}2,2017-06-15,Ar-Raqqa,Coalition,Airstrike,1`,
      `${code}3,2017-06-16,Ar-Raqqa,Coalition,Airstrike,0`,
    ].join("\n"),
  );
const victimsCsv = (code: string) =>
  Buffer.from(
    ["Incident code;Name;Age;Outcome", `${code}1;Omar Saleh;61;killed`, `${code}1;Huda Saleh;8;killed`, `${code}2;;40;killed`, `${code}9;Khaled;;injured`].join("\n"),
  );

describe.each(backends)("an import whose victims are in a file of their own, on $name", (backend) => {
  const t = importSetting(backend);

  const upload = async (code: string) => {
    const result = await uploadImport(t.handle.db, t.store, t.reviewer, { fileName: `${code}.csv`, stream: once(incidents(code)) });
    if (!result.ok) throw new Error(result.error);
    return result.value.importId;
  };
  const reading = { rules: { dateOrder: "dmy" as const, values: {}, victims: { file: true, sheet: "CSV" } } };

  it("keeps the victims file beside the first, joins its victims on the code, and files them with the trail naming it", async () => {
    const importId = await upload("VF");
    expect(await uploadVictimsFile(t.handle.db, t.store, t.reviewer, importId, { fileName: "first-try.csv", stream: once(victimsCsv("XX")) })).toMatchObject({ ok: true });
    // A second upload replaces the first, both in the trail.
    expect(await uploadVictimsFile(t.handle.db, t.store, t.reviewer, importId, { fileName: "victims.csv", stream: once(victimsCsv("VF")) })).toMatchObject({ ok: true });
    const state = await readImportState(t.handle.db, t.reviewer, importId);
    expect(state?.victimsFile).toMatchObject({ name: "victims.csv", size: victimsCsv("VF").length });
    const uploads = (await auditEventsWithAction(t.handle.db, "import.victims_file_uploaded")).filter((e) => e.entityId === importId);
    expect(uploads.map((e) => (e.changes?.victimsFile?.to as { name: string }).name)).toEqual(["first-try.csv", "victims.csv"]);

    const preview = await previewUpload(t.handle.db, t.store, t.reviewer, importId, reading);
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.value.victimsFile).toEqual({ name: "victims.csv", sheets: ["CSV"] });
    expect(preview.value.victims).toMatchObject({ sheet: "CSV", file: true, label: "victims.csv", mapping: { 0: "victimKey", 1: "victimNameLatin", 2: "victimAge", 3: "victimOutcome" }, toFile: 2 });
    expect(preview.value.problems.map((p) => [p.sheet ?? null, p.row, p.message])).toEqual([
      [null, 3, "victimsHaveProblems"],
      ["victims.csv", 4, "nameRequired"],
      ["victims.csv", 5, "victimNoAllegation"],
    ]);

    expect(await startImport(t.handle.db, t.store, t.reviewer, importId, reading, { wait: true })).toMatchObject({ ok: true });
    expect(await readImportState(t.handle.db, t.reviewer, importId)).toMatchObject({ status: "committed", created: 2, invalid: 1 });
    const [vf1] = await t.handle.db.select().from(cases).where(sql`${cases.externalCodes} @> array['VF1']::text[]`);
    const named = await t.handle.db.select().from(victims).where(eq(victims.caseId, vf1.id)).orderBy(asc(victims.age));
    expect(named.map((v) => [v.nameLatin, v.age, v.outcome])).toEqual([
      ["Huda Saleh", 8, "killed"],
      ["Omar Saleh", 61, "killed"],
    ]);
    const events = await t.handle.db
      .select({ reason: auditEvents.reason })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "victim.added"), inArray(auditEvents.entityId, named.map((v) => v.id))));
    expect(events.map((e) => e.reason).sort()).toEqual(["imported from victims.csv, row 2", "imported from victims.csv, row 3"]);
    expect((await verifyDatabaseChain(t.handle.db)).ok).toBe(true);

    // Once started, the import takes no other victims file.
    expect(await uploadVictimsFile(t.handle.db, t.store, t.reviewer, importId, { fileName: "late.csv", stream: once(victimsCsv("VF")) })).toMatchObject({
      ok: false,
      error: "importNotStartable",
      params: { status: "committed" },
    });
  });

  it("refuses a reading of the victims file when there is none, a file it cannot read, and callers who may not import", async () => {
    const importId = await upload("VG");
    expect(await previewUpload(t.handle.db, t.store, t.reviewer, importId, reading)).toMatchObject({ ok: false, error: "invalidInput", fieldErrors: { victimsFile: ["required"] } });
    expect(await uploadVictimsFile(t.handle.db, t.store, t.reviewer, importId, { fileName: "v.png", stream: once(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe, 0xd8])) })).toMatchObject({
      ok: false,
      error: "importNotText",
    });
    expect(await uploadVictimsFile(t.handle.db, t.store, t.staff, importId, { fileName: "v.csv", stream: once(victimsCsv("VG")) })).toMatchObject({ ok: false, error: "forbidden" });
    expect((await readImportState(t.handle.db, t.reviewer, importId))?.victimsFile).toBeNull();
  });
});
