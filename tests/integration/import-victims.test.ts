import ExcelJS from "exceljs";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, cases, victims } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { verifyDatabaseChain } from "@/lib/audit/verify";
import { parseCaseListQuery } from "@/lib/cases/list-query";
import { listCases } from "@/lib/cases/queries";
import { commitImport } from "@/lib/import/commit";
import { errorFile } from "@/lib/import/error-file";
import { previewImport } from "@/lib/import/preview";
import { readImport } from "@/lib/import/read-import";
import { translatorFor } from "@/lib/i18n/translator";
import { addAccount } from "../support/accounts";
import { backends } from "../support/databases";

/**
 * An SNHR-style workbook with Arabic headers: the incidents, and a victims sheet joined to them on
 * the incident's code. V2's only victim has no name (a problem), V9 is a code no incident has, V3 has no victims.
 */
async function workbook(code: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("الحوادث").addRows([
    ["الرمز", "التاريخ", "المحافظة", "المكان", "الطرف", "الوسيلة", "القتلى"],
    [`${code}1`, "14/06/2017", "الرقة", "المدينة القديمة", "التحالف الدولي", "غارة جوية", "3"],
    [`${code}2`, "15/06/2017", "الرقة", "المشلب", "التحالف الدولي", "غارة جوية", "2"],
    [`${code}3`, "16/06/2017", "الرقة", "الطبقة", "التحالف الدولي", "غارة جوية", "1"],
  ]);
  book.addWorksheet("الضحايا").addRows([
    ["رمز الحادثة", "الاسم", "الاسم باللاتينية", "الجنس", "العمر", "المصير", "سري"],
    [`${code}1`, "محمد الأحمد", "Mohammad al-Ahmad", "ذكر", "34", "قتيل", ""],
    [`${code}1`, "فاطمة الأحمد", "", "أنثى", "٩", "قتيل", "نعم"],
    [`${code}2`, "", "", "ذكر", "40", "قتيل", ""],
    [`${code}9`, "خالد", "", "ذكر", "", "جريح", ""],
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const reading = { sheet: "الحوادث", rules: { dateOrder: "dmy" as const, values: {}, victims: { sheet: "الضحايا" } } };

describe.each(backends)("an import with a victims sheet, on $name", (backend) => {
  let handle: DatabaseHandle;
  let reviewer: Actor;
  beforeAll(async () => {
    handle = await backend.open();
    reviewer = await addAccount(handle.db, "reviewer");
  });
  afterAll(() => handle.close());

  it("joins the victims to their allegations, and leaves an allegation out with its victims' problems", async () => {
    const bytes = await workbook("VP");
    const preview = await previewImport(handle.db, reviewer, { bytes, ...reading });
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.value.victims).toMatchObject({
      sheet: "الضحايا",
      mapping: { 0: "victimKey", 1: "victimNameAr", 2: "victimNameLatin", 3: "victimSex", 4: "victimAge", 5: "victimOutcome", 6: "victimConfidential" },
      toFile: 2,
    });
    expect(preview.value).toMatchObject({ toFile: 2, invalidRows: 1 });
    expect(preview.value.problems.map((p) => [p.sheet ?? null, p.row, p.column, p.message, p.params ?? null])).toEqual([
      [null, 3, null, "victimsHaveProblems", { sheet: "الضحايا", rows: "4" }],
      ["الضحايا", 4, "الاسم باللاتينية", "nameRequired", null],
      ["الضحايا", 5, "رمز الحادثة", "victimNoAllegation", { value: "VP9" }],
    ]);
    // The error file is the allegations' sheet: the left-out allegation, saying which of its victims to fix.
    const read = await readImport({ bytes, ...reading });
    if (!read.ok) throw new Error(read.error);
    const csv = errorFile(read.value.sheet, preview.value.problems, translatorFor("en"));
    expect(csv).toContain("VP2");
    expect(csv).toContain("Its victims on “الضحايا” have problems (rows 4)");
    expect(csv).not.toContain("VP1");
  });

  it("files the victims with the new allegations, each in the trail with its sheet and row, and found by the case search", async () => {
    const bytes = await workbook("VC");
    const outcome = await commitImport(handle.db, reviewer, { fileName: "snhr.xlsx", bytes, ...reading, ...(await mappingOf(bytes)) });
    expect(outcome).toMatchObject({ ok: true, value: { created: 2, victims: 2, invalidRows: 1 } });

    const [vc1] = await handle.db.select().from(cases).where(sql`${cases.externalCodes} @> array['VC1']::text[]`);
    const stored = await handle.db.select().from(victims).where(eq(victims.caseId, vc1.id)).orderBy(asc(victims.nameAr));
    expect(stored.map((v) => [v.nameAr, v.nameLatin, v.sex, v.age, v.ageGroup, v.outcome, v.confidential])).toEqual([
      ["فاطمة الأحمد", null, "female", 9, "child", "killed", true],
      ["محمد الأحمد", "Mohammad al-Ahmad", "male", 34, "adult", "killed", false],
    ]);
    const events = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "victim.added"), inArray(auditEvents.entityId, stored.map((v) => v.id))));
    expect(events.map((e) => e.reason).sort()).toEqual(["imported from snhr.xlsx, sheet الضحايا, row 2", "imported from snhr.xlsx, sheet الضحايا, row 3"]);
    const [vc3] = await handle.db.select().from(cases).where(sql`${cases.externalCodes} @> array['VC3']::text[]`);
    expect(await handle.db.select().from(victims).where(eq(victims.caseId, vc3.id))).toEqual([]);
    expect((await handle.db.select().from(cases).where(sql`${cases.externalCodes} @> array['VC2']::text[]`)).length).toBe(0);

    const found = await listCases(handle.db, reviewer, parseCaseListQuery({ q: "Mohammad al-Ahmad" }));
    expect(found.items.map((c) => c.id)).toContain(vc1.id);
    expect((await verifyDatabaseChain(handle.db)).ok).toBe(true);

    // The same workbook again: nothing filed twice, victims included.
    const again = await commitImport(handle.db, reviewer, { fileName: "snhr.xlsx", bytes, ...reading, ...(await mappingOf(bytes)) });
    expect(again).toMatchObject({ ok: true, value: { created: 0, victims: 0, skipped: 2 } });
    expect(await handle.db.select().from(victims).where(eq(victims.caseId, vc1.id))).toHaveLength(2);
  });
});

async function mappingOf(bytes: Buffer) {
  const read = await readImport({ bytes, sheet: "الحوادث" });
  if (!read.ok) throw new Error(read.error);
  return { mapping: read.value.mapping };
}
