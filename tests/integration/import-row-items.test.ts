import { readFileSync } from "node:fs";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, cases, sources, victims } from "@/db/schema";
import { verifyDatabaseChain } from "@/lib/audit/verify";
import { commitImport } from "@/lib/import/commit";
import { previewImport } from "@/lib/import/preview";
import { readImport } from "@/lib/import/read-import";
import type { ReadingRules } from "@/lib/import/rows";
import { backends } from "../support/databases";
import { importSetting } from "../support/imports";

/**
 * Victims and sources named in the allegations' own rows: R1 names three victims with their ages and
 * sexes and cites two links; R2 names two victims but one age (a problem); R3's source type "Blog" is
 * none of ours (a problem); R4 names none; R5 leaves the source type to the file-wide default.
 */
const bytes = readFileSync("tests/fixtures/import/victims-in-rows.csv");
const rules = (defaults?: ReadingRules["defaults"]): ReadingRules => ({ dateOrder: "dmy", values: {}, ...(defaults ? { defaults } : {}) });
const codeOf = (db: DatabaseHandle["db"], code: string) => db.select().from(cases).where(sql`${cases.externalCodes} @> array[${code}]::text[]`);

describe.each(backends)("victims and sources in the allegations' rows, on $name", (backend) => {
  const t = importSetting(backend);

  it("guesses the victim and source columns, and reports lists that do not line up, values outside our lists and what the file leaves unsaid", async () => {
    const preview = await previewImport(t.handle.db, t.reviewer, { bytes, rules: rules() });
    if (!preview.ok) throw new Error(preview.error);
    expect(Object.values(preview.value.mapping).slice(7)).toEqual(["victimNameLatin", "victimAge", "victimSex", "sourceUrl", "sourceType", "sourcePublisher"]);
    expect(preview.value.problems.map((p) => [p.row, p.column, p.message, p.params ?? null])).toEqual([
      [2, null, "victimOutcomeNeeded", null],
      [3, "Victim ages", "victimListsDiffer", { values: "1", victims: "2" }],
      [4, null, "victimOutcomeNeeded", null],
      [4, "Source type", "unknownValue", { value: "Blog" }],
      [6, null, "victimOutcomeNeeded", null],
      [6, "Source type", "sourceTypeNeeded", null],
    ]);
    expect(preview.value).toMatchObject({ toFile: 1, invalidRows: 4, inRows: { victims: 0, sources: 0 } });

    // Said once for the file: its victims were killed, its sources without a type are NGO reports.
    const told = await previewImport(t.handle.db, t.reviewer, { bytes, rules: rules({ victimOutcome: "killed", sourceType: "ngo_report" }) });
    if (!told.ok) throw new Error(told.error);
    expect(told.value.problems.map((p) => [p.row, p.message])).toEqual([
      [3, "victimListsDiffer"],
      [4, "unknownValue"],
    ]);
    expect(told.value).toMatchObject({ toFile: 3, invalidRows: 2, inRows: { victims: 4, sources: 3 } });
  });

  it("files each row's victims and sources with its allegation, each in the trail with the file and row", async () => {
    const reading = { rules: rules({ victimOutcome: "killed", sourceType: "ngo_report" }) };
    const read = await readImport({ bytes, ...reading });
    if (!read.ok) throw new Error(read.error);
    const outcome = await commitImport(t.handle.db, t.reviewer, { fileName: "raqqa.csv", bytes, mapping: read.value.mapping, ...reading });
    expect(outcome).toMatchObject({ ok: true, value: { created: 3, victims: 4, sources: 3, invalidRows: 2 } });

    const [r1] = await codeOf(t.handle.db, "R1");
    const named = await t.handle.db.select().from(victims).where(eq(victims.caseId, r1.id)).orderBy(asc(victims.age));
    expect(named.map((v) => [v.nameLatin, v.age, v.ageGroup, v.sex, v.outcome])).toEqual([
      ["Ali al-Ahmad", 5, "child", "male", "killed"],
      ["Fatima al-Ahmad", 9, "child", "female", "killed"],
      ["Mohammad al-Ahmad", 34, "adult", "male", "killed"],
    ]);
    const cited = await t.handle.db.select().from(sources).where(eq(sources.caseId, r1.id)).orderBy(asc(sources.url));
    expect(cited.map((s) => [s.type, s.url, s.publisher])).toEqual([
      ["media", "https://example.org/raqqa-1", "Raqqa Is Being Slaughtered Silently"],
      ["media", "https://example.org/raqqa-1b", "Raqqa Is Being Slaughtered Silently"],
    ]);
    const [r5] = await codeOf(t.handle.db, "R5");
    expect((await t.handle.db.select().from(sources).where(eq(sources.caseId, r5.id))).map((s) => [s.type, s.url])).toEqual([["ngo_report", "https://example.org/raqqa-5"]]);
    const [r4] = await codeOf(t.handle.db, "R4");
    expect(await t.handle.db.select().from(victims).where(eq(victims.caseId, r4.id))).toEqual([]);
    expect(await codeOf(t.handle.db, "R2")).toEqual([]);

    const events = await t.handle.db
      .select({ action: auditEvents.action, reason: auditEvents.reason })
      .from(auditEvents)
      .where(and(eq(auditEvents.caseId, r1.id), inArray(auditEvents.action, ["victim.added", "source.added"])));
    expect(events.map((e) => `${e.action} ${e.reason}`).sort()).toEqual([
      ...Array(2).fill("source.added imported from raqqa.csv, row 2"),
      ...Array(3).fill("victim.added imported from raqqa.csv, row 2"),
    ]);
    // The victims' names are searched with their allegation, as when typed on the case page.
    const [{ searchText }] = await t.handle.db.select({ searchText: cases.searchText }).from(cases).where(eq(cases.id, r1.id));
    expect(searchText).toContain("fatima");
    expect((await verifyDatabaseChain(t.handle.db)).ok).toBe(true);

    // The same file again files nothing twice: no allegation, victim or source.
    const again = await commitImport(t.handle.db, t.reviewer, { fileName: "raqqa.csv", bytes, mapping: read.value.mapping, ...reading });
    expect(again).toMatchObject({ ok: true, value: { created: 0, victims: 0, sources: 0, skipped: 3 } });
    expect(await t.handle.db.select().from(victims).where(eq(victims.caseId, r1.id))).toHaveLength(3);
  });
});
