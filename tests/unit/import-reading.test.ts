import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { guessMapping } from "@/lib/import/fields";
import { readImport } from "@/lib/import/read-import";
import { matchDistrict, matchGovernorate } from "@/lib/import/places";
import { readCaseRow, suppliedFields, type ReadingRules } from "@/lib/import/rows";
import { readTable, type Sheet } from "@/lib/import/table";
import { matchVocabulary } from "@/lib/import/vocabulary-match";
import { catalogues } from "@/lib/i18n/catalogues";
import { translatorFor } from "@/lib/i18n/translator";
import { errorFile } from "@/lib/import/error-file";
import { belligerents, means } from "@/lib/cases/vocabulary";

const airwarsCsv = readFileSync(new URL("../fixtures/import/airwars-like.csv", import.meta.url));

async function sheetOf(bytes: Uint8Array, index = 0): Promise<Sheet> {
  const table = await readTable(bytes);
  if (!table.ok) throw new Error(table.error);
  return table.value.sheets[index];
}

function utf16le(text: string, bom = true): Uint8Array {
  const body = Buffer.from(text, "utf16le");
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

describe("reading an import file", () => {
  it("reads a UTF-8 CSV with its header and numbers its rows as a spreadsheet would", async () => {
    const sheet = await sheetOf(airwarsCsv);
    expect(sheet.headers).toHaveLength(16);
    expect(sheet.headers[0]).toBe("Code");
    expect(sheet.rows.map((r) => r.number)).toEqual([2, 3, 4, 5]);
    expect(sheet.rows[0].cells[15]).toBe("At least 32 civilians, many of them children, were reported killed when strikes hit homes in the old city.");
  });

  it("reads UTF-16 of either byte order, with or without a BOM, and guesses a tab, semicolon or pipe delimiter", async () => {
    const text = "Code\tالمحافظة\tالتاريخ\nCS1\tالرقة\t2017-06-14\n";
    for (const bytes of [utf16le(text), utf16le(text, false), Buffer.from(`\uFEFF${text}`.replace(/\t/g, ";"), "utf8"), Buffer.from(text.replace(/\t/g, "|"), "utf8")]) {
      const sheet = await sheetOf(bytes);
      expect(sheet.headers).toEqual(["Code", "المحافظة", "التاريخ"]);
      expect(sheet.rows).toEqual([{ number: 2, cells: ["CS1", "الرقة", "2017-06-14"] }]);
    }
    const be = Buffer.from(utf16le(text, false)).swap16();
    expect((await sheetOf(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).headers[1]).toBe("المحافظة");
  });

  it("refuses what it cannot read, saying why", async () => {
    expect(await readTable(new Uint8Array())).toMatchObject({ ok: false, error: "importEmpty" });
    expect(await readTable(Buffer.from([0xc3, 0x28, 0x41, 0x42]))).toMatchObject({ ok: false, error: "importNotText" });
    expect(await readTable(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toMatchObject({ ok: false, error: "importBadWorkbook" });
    expect(await readTable(Buffer.from("\n\n  \n"))).toMatchObject({ ok: false, error: "importEmpty" });
  });

  it("reads every sheet of a workbook, dates as dates and formulas by their result", async () => {
    const workbook = new ExcelJS.Workbook();
    const incidents = workbook.addWorksheet("الحوادث");
    incidents.addRow(["الرمز", "التاريخ", "المحافظة", "القتلى"]);
    incidents.addRow(["SN-1", new Date(Date.UTC(2017, 5, 14)), "الرقه", { formula: "30+2", result: 32 }]);
    incidents.addRow([]);
    incidents.addRow(["SN-2", "١٥/٠٦/٢٠١٧", "دير الزور", "٥-٧"]);
    const victims = workbook.addWorksheet("الضحايا");
    victims.addRow(["الرمز", "الاسم"]);
    victims.addRow(["SN-1", { richText: [{ text: "فاطمة " }, { text: "الأحمد" }] }]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const table = await readTable(bytes);
    expect(table).toMatchObject({ ok: true, value: { format: "xlsx" } });
    if (!table.ok) return;
    expect(table.value.sheets.map((s) => s.name)).toEqual(["الحوادث", "الضحايا"]);
    expect(table.value.sheets[0].rows).toEqual([
      { number: 2, cells: ["SN-1", "2017-06-14", "الرقه", "32"] },
      { number: 4, cells: ["SN-2", "١٥/٠٦/٢٠١٧", "دير الزور", "٥-٧"] },
    ]);
    expect(table.value.sheets[1].rows[0].cells).toEqual(["SN-1", "فاطمة الأحمد"]);
  });
});

describe("reading a large file", () => {
  it("tells its progress every 2,000 rows checked, and at the end", async () => {
    const lines = ["Code,Date,Governorate,Belligerent,Strike type,Civilians killed", ...Array.from({ length: 4_500 }, (_, i) => `P${i},2017-06-14,Ar-Raqqa,Coalition,Airstrike,1`)];
    const told: [number, number][] = [];
    const read = await readImport({ bytes: Buffer.from(lines.join("\n")), progress: (done, total) => told.push([done, total]) });
    expect(read).toMatchObject({ ok: true, value: { problems: [] } });
    expect(told).toEqual([
      [2_000, 4_500],
      [4_000, 4_500],
      [4_500, 4_500],
    ]);
  });
});

describe("guessing the mapping from headers", () => {
  it("maps an Airwars-style export's headers in English", async () => {
    const { headers } = await sheetOf(airwarsCsv);
    const named = Object.fromEntries(Object.entries(guessMapping(headers)).map(([c, f]) => [headers[Number(c)], f]));
    expect(named).toEqual({
      Code: "externalCode",
      Date: "incidentDateFrom",
      Country: "country",
      Governorate: "governorate",
      Location: "localityEn",
      Belligerent: "belligerents",
      "Strike type": "means",
      "Civilians killed (min)": "killedMin",
      "Civilians killed (max)": "killedMax",
      "Children killed": "killedChildren",
      Injured: "injured",
      "Civilian objects": "civilianObjects",
      Latitude: "latitude",
      Longitude: "longitude",
      "Location accuracy": "locationAccuracy",
      Summary: "narrative",
    });
  });

  it("maps Arabic headers, whatever their letter variants, and each field once", () => {
    expect(guessMapping(["الرمز", "التاريخ", "المحافظه", "القتلى", "الجهة الفاعلة", "نوع الهجوم", "ملاحظات خاصة", "التاريخ"])).toEqual({
      0: "externalCode",
      1: "incidentDateFrom",
      2: "governorate",
      3: "killed",
      4: "belligerents",
      5: "means",
    });
  });
});

describe("matching places and closed lists", () => {
  it("matches governorates by p-code and by English or Arabic name in their common spellings", () => {
    const raqqa = ["SY11", "sy11", "Ar-Raqqa", "Raqqa", "Raqqah", "Rakka", "al-Raqqa governorate", "الرقة", "الرقه", "محافظة الرقة"];
    for (const name of raqqa) expect(matchGovernorate(name), name).toEqual({ ok: true, pcode: "SY11" });
    for (const name of ["Deir ez-Zor", "Dayr al-Zawr", "Deir Ezzor", "دير الزور"]) expect(matchGovernorate(name), name).toEqual({ ok: true, pcode: "SY09" });
    for (const name of ["Nineveh", "Ninewa", "نينوى"]) expect(matchGovernorate(name), name).toEqual({ ok: true, pcode: "IQG15" });
    expect(matchGovernorate("Salahuddin")).toEqual({ ok: true, pcode: "IQG16" });
  });

  it("never guesses: an unknown or ambiguous name is not matched, with a suggestion only when one is close", () => {
    expect(matchGovernorate("Raqqa City Centre")).toMatchObject({ ok: false });
    expect(matchGovernorate("Atlantis")).toEqual({ ok: false, suggestion: null });
    expect(matchGovernorate("Ar-Raqqa", "IQ")).toMatchObject({ ok: false });
    expect(matchGovernorate("Alebpo")).toEqual({ ok: false, suggestion: expect.objectContaining({ pcode: "SY02" }) });
  });

  it("matches districts within their governorate", () => {
    expect(matchDistrict("Al-Mayadin")).toEqual({ ok: true, pcode: "SY0903" });
    expect(matchDistrict("الموصل", "IQG15")).toEqual({ ok: true, pcode: "IQG15Q05" });
    expect(matchDistrict("Mosul", "SY11")).toMatchObject({ ok: false });
  });

  it("matches a closed list's values by code or label in either language, and by the file's own mapping", () => {
    expect(matchVocabulary("means", means, "غارة جوية")).toEqual({ ok: true, code: "airstrike" });
    expect(matchVocabulary("means", means, "AIRSTRIKE")).toEqual({ ok: true, code: "airstrike" });
    expect(matchVocabulary("means", means, "Air strike")).toEqual({ ok: true, code: "airstrike" });
    expect(matchVocabulary("belligerents", belligerents, "Coalition")).toEqual({ ok: true, code: "coalition" });
    expect(matchVocabulary("belligerents", belligerents, "Coalitoin")).toEqual({ ok: false, suggestion: "coalition" });
    expect(matchVocabulary("means", means, "Air raid")).toMatchObject({ ok: false });
    expect(matchVocabulary("means", means, "Air raid", { "Air raid": "airstrike" })).toEqual({ ok: true, code: "airstrike" });
    // The file's mapping cannot add a value to the list.
    expect(matchVocabulary("means", means, "Air raid", { "Air raid": "napalm" })).toMatchObject({ ok: false });
  });
});

describe("reading a row as an allegation, by the filing form's rules", () => {
  async function rows(rules?: ReadingRules) {
    const sheet = await sheetOf(airwarsCsv);
    const mapping = guessMapping(sheet.headers);
    return sheet.rows.map((row) => readCaseRow(row, sheet.headers, mapping, rules));
  }

  it("files a complete row as the form would, with its code, place, harm ranges and lists", async () => {
    const [first, second] = await rows();
    expect(first).toMatchObject({
      ok: true,
      externalCode: "CS483",
      input: {
        title: "CS483 · Harat al-Badu · 2017-06-14",
        externalCodes: ["CS483"],
        incidentDateFrom: "2017-06-14",
        incidentDateTo: "2017-06-14",
        datePrecision: "day",
        country: "SY",
        governoratePcode: "SY11",
        localityEn: "Harat al-Badu",
        belligerents: ["coalition"],
        means: ["airstrike"],
        killedMin: 32,
        killedMax: 35,
        killedChildrenMin: 12,
        killedChildrenMax: 12,
        injuredMin: 40,
        injuredMax: 45,
        civilianObjects: ["residential_building"],
        latitude: 35.95,
        longitude: 39.01,
        locationAccuracy: "neighbourhood",
      },
    });
    // Day first by default: 15/06/2017 is the 15th of June.
    expect(second).toMatchObject({ ok: true, input: { incidentDateFrom: "2017-06-15", means: ["airstrike", "artillery"], civilianObjects: ["school", "bakery"], belligerents: ["coalition"] } });
  });

  it("lists every problem of a bad row by row, column and message, suggesting the closest known value", async () => {
    const [, , impossible, unknown] = await rows();
    expect(impossible).toEqual({
      ok: false,
      problems: expect.arrayContaining([
        { row: 4, column: "Date", field: "incidentDateFrom", message: "invalidDate" },
        { row: 4, column: "Civilians killed (max)", field: "killedMax", message: "minAboveMax" },
      ]),
    });
    expect(unknown).toEqual({
      ok: false,
      problems: [
        { row: 5, column: "Governorate", field: "governorate", message: "unknownPlace", params: { value: "Raqqa City Centre" } },
        { row: 5, column: "Belligerent", field: "belligerents", message: "unknownValueSuggest", params: { value: "Coalitoin", suggestion: "coalition" } },
        { row: 5, column: "Strike type", field: "means", message: "unknownValue", params: { value: "Air raid" } },
        { row: 5, column: "Civilian objects", field: "civilianObjects", message: "unknownValue", params: { value: "Hospital" } },
      ],
    });
  });

  it("takes the file's values mapped once for the whole file, and month-first dates when the file says so", async () => {
    const rules: ReadingRules = { dateOrder: "mdy", values: { belligerents: { Coalitoin: "coalition" }, means: { "Air raid": "airstrike" }, civilianObjects: { Hospital: "medical_facility" } } };
    const [, second, , unknown] = await rows(rules);
    expect(second).toMatchObject({ ok: false, problems: [{ row: 3, column: "Date", message: "invalidDate" }] });
    expect(unknown).toMatchObject({ ok: false, problems: [{ field: "governorate", message: "unknownPlace" }] });
    expect((unknown as { problems: unknown[] }).problems).toHaveLength(1);
  });
});

describe("the import's messages", () => {
  it("has every refusal and problem key in English and Arabic", async () => {
    const sheet = await sheetOf(airwarsCsv);
    const mapping = guessMapping(sheet.headers);
    const keys = new Set(["importEmpty", "importNotText", "importBadCsv", "importBadWorkbook", "unknownPlaceSuggest", "unknownValue"]);
    for (const row of sheet.rows) {
      const outcome = readCaseRow(row, sheet.headers, mapping);
      if (!outcome.ok) for (const p of outcome.problems) keys.add(p.message);
    }
    for (const locale of ["en", "ar"] as const) {
      const errors = catalogues[locale].errors as Record<string, unknown>;
      expect([...keys].filter((k) => typeof errors[k] !== "string"), locale).toEqual([]);
    }
  });
});

describe("the error file", () => {
  it("lists the rows left out with their cells as written and their problems in the reader's language", async () => {
    const sheet = await sheetOf(airwarsCsv);
    const mapping = guessMapping(sheet.headers);
    const problems = sheet.rows.flatMap((row) => {
      const outcome = readCaseRow(row, sheet.headers, mapping);
      return outcome.ok ? [] : outcome.problems;
    });
    for (const locale of ["en", "ar"] as const) {
      const csv = errorFile(sheet, problems, translatorFor(locale));
      expect(csv.startsWith("\uFEFF")).toBe(true);
      const back = await sheetOf(Buffer.from(csv, "utf8"));
      expect(back.headers.slice(0, 16)).toEqual(sheet.headers);
      expect(back.rows.map((r) => r.cells[0])).toEqual(["CS501", "CS502"]);
      expect(back.rows.map((r) => r.cells[16])).toEqual(["4", "5"]);
      expect(back.rows[0].cells.slice(0, 16)).toEqual(sheet.rows[2].cells.slice(0, 16));
      const messages = back.rows[1].cells[17];
      expect(messages).toContain("Raqqa City Centre");
      expect(messages.split("\n")).toHaveLength(4);
    }
    expect(errorFile(sheet, problems, translatorFor("en"))).toContain("Governorate: “Raqqa City Centre” is not a place we know.");
  });
});

describe("the fields a file gives, for a re-import", () => {
  it("names the form's fields fed by mapped columns only, a range column feeding both ends, and the date precision with the dates", () => {
    const headers = ["Code", "Date", "Governorate", "Killed", "Notes"];
    expect(new Set(suppliedFields(headers, { 0: "externalCode", 1: "incidentDateFrom", 2: "governorate", 3: "killed" }))).toEqual(
      new Set(["externalCodes", "incidentDateFrom", "datePrecision", "governoratePcode", "killedMin", "killedMax"]),
    );
  });

  it("takes each end of a harm count from its own column when the file has one, and never the title it makes up", () => {
    const fields = suppliedFields(["Min", "Max", "Where"], { 0: "killedMin", 1: "killedMax", 2: "district" });
    expect(new Set(fields)).toEqual(new Set(["killedMin", "killedMax", "districtPcode", "governoratePcode"]));
    expect(fields).not.toContain("title");
  });
});

describe("the lifecycle columns of a row", () => {
  const headers = ["Code", "Date", "Governorate", "Belligerent", "Strike type", "Civilians killed", "Grading", "Stage"];
  const mapping = guessMapping(headers);
  const read = (grading: string, stage: string) => readCaseRow({ number: 2, cells: ["G1", "2017-06-14", "Ar-Raqqa", "Coalition", "Airstrike", "2", grading, stage] }, headers, mapping);

  it("reports a value outside our gradings once, with the closest one, and nothing else about the lifecycle", () => {
    expect(read("Fiar", "")).toEqual({
      ok: false,
      problems: [{ row: 2, column: "Grading", field: "grading", message: "unknownValueSuggest", params: { value: "Fiar", suggestion: "fair" } }],
    });
  });

  it("takes the allegation to the stage a grading implies, and refuses a stage before it", () => {
    expect(read("Fair", "")).toMatchObject({ ok: true, lifecycle: { stage: "assessment", assessment: { grading: "fair" }, sending: null, answer: null } });
    expect(read("Fair", "Submission")).toMatchObject({ ok: false, problems: [{ column: "Stage", message: "importStageBeforeData" }] });
  });
});
