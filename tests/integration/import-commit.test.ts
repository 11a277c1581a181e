import { readFileSync } from "node:fs";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { cases, importRecords, imports } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { verifyDatabaseChain } from "@/lib/audit/verify";
import { commitImport } from "@/lib/import/commit";
import { guessMapping } from "@/lib/import/fields";
import { previewImport } from "@/lib/import/preview";
import { readImport } from "@/lib/import/read-import";
import { planReimport } from "@/lib/import/reimport";
import { readTable } from "@/lib/import/table";
import { addAccount } from "../support/accounts";
import { backends } from "../support/databases";
import { auditEventsWithAction } from "../support/rows";

const airwarsCsv = readFileSync(new URL("../fixtures/import/airwars-like.csv", import.meta.url));

async function mappingOf(bytes: Uint8Array) {
  const table = await readTable(bytes);
  if (!table.ok) throw new Error(table.error);
  return guessMapping(table.value.sheets[0].headers);
}

/** The fixture with its codes made unique to this test, so tests sharing a database do not meet each other's. */
function withCodes(suffix: string, bytes: Uint8Array = airwarsCsv): Buffer {
  return Buffer.from(Buffer.from(bytes).toString("utf8").replace(/\bCS(\d+)/g, `CS$1-${suffix}`));
}

describe.each(backends)("committing an import on $name", (backend) => {
  let handle: DatabaseHandle;
  let reviewer: Actor;
  beforeAll(async () => {
    handle = await backend.open();
    reviewer = await addAccount(handle.db, "reviewer");
  });
  afterAll(() => handle.close());

  const casesWithCodes = (codes: string[]) =>
    handle.db.select().from(cases).where(sql`${cases.externalCodes} && ${sql`array[${sql.join(codes.map((c) => sql`${c}`), sql`, `)}]::text[]`}`);

  it("files every valid row with its provenance, lists the invalid ones, and records the import", async () => {
    const bytes = withCodes("a");
    const outcome = await commitImport(handle.db, reviewer, { fileName: "raqqa-2017.csv", bytes, mapping: await mappingOf(bytes) });
    expect(outcome).toMatchObject({ ok: true, value: { created: 2, skipped: 0, invalidRows: 2 } });
    if (!outcome.ok) return;
    expect(new Set(outcome.value.problems.map((p) => p.row))).toEqual(new Set([4, 5]));

    const filed = await casesWithCodes(["CS483-a", "CS490-a", "CS501-a", "CS502-a"]);
    expect(filed.map((c) => c.externalCodes[0]).sort()).toEqual(["CS483-a", "CS490-a"]);
    expect(filed.every((c) => c.stage === "submission" && c.governoratePcode === "SY11")).toBe(true);
    const links = await handle.db.select().from(importRecords).where(eq(importRecords.importId, outcome.value.importId));
    expect(links.map((l) => [l.sourceKey, l.rowNumber]).sort()).toEqual([["CS483-a", 2], ["CS490-a", 3]]);

    const created = await auditEventsWithAction(handle.db, "case.created");
    const ofImport = created.filter((e) => filed.some((c) => c.id === e.caseId));
    expect(ofImport.map((e) => e.reason).sort()).toEqual(["imported from raqqa-2017.csv, row 2", "imported from raqqa-2017.csv, row 3"]);
    expect(ofImport.every((e) => e.actorId === reviewer.id)).toBe(true);
    const [record] = await handle.db.select().from(imports).where(eq(imports.id, outcome.value.importId));
    expect(record).toMatchObject({ fileName: "raqqa-2017.csv", fileSize: bytes.length, created: 2, skipped: 0, invalid: 2, sheet: "CSV" });
    expect(record.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    const event = (await auditEventsWithAction(handle.db, "import.committed")).at(-1);
    expect(event).toMatchObject({ actorId: reviewer.id, entityId: record.id, changes: { counts: { to: { rows: 4, created: 2, skipped: 0, invalid: 2 } }, file: { to: { sha256: record.fileSha256 } } } });
  });

  it("never files a row twice: a re-import, or the same code twice in one file, is skipped", async () => {
    const bytes = withCodes("b");
    const mapping = await mappingOf(bytes);
    expect(await commitImport(handle.db, reviewer, { fileName: "first.csv", bytes, mapping })).toMatchObject({ ok: true, value: { created: 2 } });
    const doubled = Buffer.concat([bytes, Buffer.from(bytes.toString("utf8").split("\n")[1] + "\n")]);
    expect(await commitImport(handle.db, reviewer, { fileName: "again.csv", bytes: doubled, mapping })).toMatchObject({ ok: true, value: { created: 0, skipped: 3 } });
    expect(await casesWithCodes(["CS483-b", "CS490-b"])).toHaveLength(2);
  });

  it("files a file larger than one batch in order: consecutive references, a chain that verifies, each row findable", async () => {
    const [header, first] = airwarsCsv.toString("utf8").split("\n");
    const lines = Array.from({ length: 1201 }, (_, i) => first.replace("CS483", `CS483-big${i}`));
    const bytes = Buffer.from([header, ...lines].join("\n"));
    const outcome = await commitImport(handle.db, reviewer, { fileName: "big.csv", bytes, mapping: await mappingOf(bytes) });
    expect(outcome).toMatchObject({ ok: true, value: { created: 1201, skipped: 0, invalidRows: 0 } });
    if (!outcome.ok) return;
    const filed = await handle.db
      .select({ reference: cases.reference, searchText: cases.searchText, codes: cases.externalCodes, row: importRecords.rowNumber })
      .from(importRecords)
      .innerJoin(cases, eq(cases.id, importRecords.caseId))
      .where(eq(importRecords.importId, outcome.value.importId))
      .orderBy(importRecords.rowNumber);
    expect(filed.map((f) => f.codes[0])).toEqual(lines.map((_, i) => `CS483-big${i}`));
    const numbers = filed.map((f) => Number(f.reference.split("-")[2]));
    expect(numbers.slice(1).every((n, i) => n === numbers[i] + 1)).toBe(true);
    expect(filed.every((f) => f.searchText.includes(f.reference.toLowerCase().replace(/-/g, " ")) && f.searchText.includes(f.codes[0].toLowerCase().replace(/-/g, " ")))).toBe(true);
    const created = (await auditEventsWithAction(handle.db, "case.created")).filter((e) => e.reason?.startsWith("imported from big.csv"));
    expect(created.map((e) => e.reason)).toEqual(lines.map((_, i) => `imported from big.csv, row ${i + 2}`));
    expect(await verifyDatabaseChain(handle.db)).toMatchObject({ ok: true });
  });

  it("finds what an earlier import filed among more keys than a statement may have parameters", async () => {
    const bytes = withCodes("k");
    expect(await commitImport(handle.db, reviewer, { fileName: "k.csv", bytes, mapping: await mappingOf(bytes) })).toMatchObject({ ok: true });
    const read = await readImport({ bytes, mapping: await mappingOf(bytes) });
    if (!read.ok) throw new Error(read.error);
    const strangers = Array.from({ length: 70_000 }, (_, i) => ({ ...read.value.valid[0], row: { number: 100 + i, cells: [] }, key: `never-${i}` }));
    const plan = await planReimport(handle.db, { ...read.value, valid: [...strangers, ...read.value.valid] });
    expect(plan.fresh).toHaveLength(70_000);
    expect(plan.unchanged.map((r) => r.key)).toEqual(["CS483-k", "CS490-k"]);
  });

  it("writes nothing at all when any row fails in the database: no case, no record, no event", async () => {
    const bytes = withCodes("c");
    const before = {
      imports: (await handle.db.select({ id: imports.id }).from(imports)).length,
      events: (await auditEventsWithAction(handle.db, "import.committed")).length,
    };
    // The second row's insert fails inside PostgreSQL itself, after the first was written.
    await handle.db.execute(sql.raw(`
      create or replace function refuse_cs490c() returns trigger language plpgsql as $$
      begin if 'CS490-c' = any(new.external_codes) then raise exception 'refused for the test'; end if; return new; end $$`));
    await handle.db.execute(sql.raw("create trigger refuse_cs490c before insert on cases for each row execute function refuse_cs490c()"));
    try {
      // A database fault is not the user's input: it is thrown, for the caller's fault log.
      await expect(commitImport(handle.db, reviewer, { fileName: "half.csv", bytes, mapping: await mappingOf(bytes) })).rejects.toThrow();
    } finally {
      await handle.db.execute(sql.raw("drop trigger refuse_cs490c on cases"));
      await handle.db.execute(sql.raw("drop function refuse_cs490c()"));
    }
    expect(await casesWithCodes(["CS483-c", "CS490-c"])).toEqual([]);
    expect(await handle.db.select({ id: imports.id }).from(imports)).toHaveLength(before.imports);
    expect(await auditEventsWithAction(handle.db, "import.committed")).toHaveLength(before.events);
  });

  it("previews what a commit would do without writing anything, and counts what an earlier import filed", async () => {
    const bytes = withCodes("e");
    const count = async () => (await handle.db.select({ id: cases.id }).from(cases)).length;
    const before = await count();
    const preview = await previewImport(handle.db, reviewer, { bytes });
    expect(preview).toMatchObject({
      ok: true,
      value: { sheets: ["CSV"], sheet: "CSV", rows: 4, validRows: 2, invalidRows: 2, toFile: 2, toUpdate: 0, unchanged: 0, problemCount: 6, mapping: await mappingOf(bytes) },
    });
    if (!preview.ok) return;
    expect(preview.value.firstRows.map((r) => [r.row, r.input.externalCodes])).toEqual([[2, ["CS483-e"]], [3, ["CS490-e"]]]);
    expect(preview.value.problems).toHaveLength(6);
    expect(await count()).toBe(before);

    await commitImport(handle.db, reviewer, { fileName: "e.csv", bytes, mapping: preview.value.mapping });
    expect(await previewImport(handle.db, reviewer, { bytes })).toMatchObject({ ok: true, value: { toFile: 0, unchanged: 2, validRows: 2 } });
    expect(await previewImport(handle.db, await addAccount(handle.db, "staff"), { bytes })).toMatchObject({ ok: false, error: "forbidden" });
  });

  it("is for reviewers and managers only, and refuses a file it cannot read or an empty mapping", async () => {
    const staff = await addAccount(handle.db, "staff");
    const bytes = withCodes("d");
    const mapping = await mappingOf(bytes);
    expect(await commitImport(handle.db, staff, { fileName: "x.csv", bytes, mapping })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await commitImport(handle.db, null, { fileName: "x.csv", bytes, mapping })).toMatchObject({ ok: false });
    expect(await commitImport(handle.db, reviewer, { fileName: "x.csv", bytes: Buffer.from([0xc3, 0x28]), mapping })).toMatchObject({ ok: false, error: "importNotText" });
    expect(await commitImport(handle.db, reviewer, { fileName: "x.csv", bytes, mapping: {} })).toMatchObject({ ok: false, fieldErrors: { mapping: ["required"] } });
    expect(await commitImport(handle.db, reviewer, { fileName: "x.csv", bytes, mapping, sheet: "Nope" })).toMatchObject({ ok: false, fieldErrors: { sheet: ["invalid"] } });
    expect(await casesWithCodes(["CS483-d"])).toEqual([]);
    expect(await handle.db.select().from(importRecords).where(inArray(importRecords.sourceKey, ["CS483-d"]))).toEqual([]);
  });
});
