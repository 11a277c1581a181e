import { describe, expect, it } from "vitest";
import { csvField, csvLine } from "@/lib/csv";
import { translatorFor } from "@/lib/i18n/translator";
import { gapOf, type Summary } from "@/lib/summaries/figures";
import { parseSummaryFilter, summaryFilterParams } from "@/lib/summaries/filters";
import { summaryTables } from "@/lib/summaries/tables";
import { chartTextOf, filterDescription } from "@/lib/summaries/wording";
import { summaryCharts } from "@/lib/summaries/charts";

describe("the acknowledgement gap", () => {
  it("is documented minus conceded, min against min and max against max, as a percentage to one decimal", () => {
    expect(gapOf({ documentedMin: 155, documentedMax: 197, concededMin: 56, concededMax: 63 })).toEqual({ min: 99, max: 134, minPercent: 63.9, maxPercent: 68 });
    expect(gapOf({ documentedMin: 1600, documentedMax: 1800, concededMin: 160, concededMax: 160 })).toEqual({ min: 1440, max: 1640, minPercent: 90, maxPercent: 91.1 });
  });

  it("has no percentage when nothing was documented", () => {
    expect(gapOf({ documentedMin: 0, documentedMax: 0, concededMin: 0, concededMax: 0 })).toEqual({ min: 0, max: 0, minPercent: null, maxPercent: null });
  });
});

describe("CSV fields", () => {
  it("quote commas, quotes and line breaks, and defuse spreadsheet formulas", () => {
    expect(csvField('He said "no", twice')).toBe('"He said ""no"", twice"');
    expect(csvField("=HYPERLINK(\"http://evil\")")).toBe("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    expect(csvField("+972")).toBe("'+972");
    expect(csvField("-1")).toBe("'-1");
    expect(csvField(-1)).toBe("-1");
    expect(csvField(null)).toBe("");
    expect(csvField(false)).toBe("false");
    expect(csvField("حارة البدو")).toBe("حارة البدو");
    expect(csvLine(["a", 1, null, "b\nc"])).toBe('a,1,,"b\nc"\r\n');
  });
});

describe("the summary filters", () => {
  it("keep only what they know, and go back to the URL without defaults", () => {
    const filter = parseSummaryFilter({ governorate: "SY11", from: "2017-01-01", to: "2017-02-30", stage: ["closed", "nowhere"], colour: "red" });
    expect(filter).toMatchObject({ governorate: "SY11", from: "2017-01-01", stage: [] });
    expect(filter.to).toBeUndefined();
    expect(summaryFilterParams(parseSummaryFilter({ governorate: "SY11", stage: ["closed", "redress"] })).toString()).toBe("governorate=SY11&stage=closed&stage=redress");
  });

  it("are described in words in the reader's language", () => {
    const filter = parseSummaryFilter({ governorate: "SY11", from: "2017-01-01", to: "2017-12-31", belligerent: "coalition" });
    expect(filterDescription(filter, translatorFor("en"), "en")).toEqual([
      "Incident period: 2017-01-01 – 2017-12-31",
      "Alleged belligerent(s): US-led coalition (as a whole)",
      "Governorate: Ar-Raqqa",
    ]);
    expect(filterDescription(filter, translatorFor("ar"), "ar")[2]).toContain("الرقة");
  });
});

const emptyMeasures = {
  cases: 0,
  killedMin: 0,
  killedMax: 0,
  killedChildrenMin: 0,
  killedChildrenMax: 0,
  killedWomenMin: 0,
  killedWomenMax: 0,
  injuredMin: 0,
  injuredMax: 0,
  injuredChildrenMin: 0,
  injuredChildrenMax: 0,
  injuredWomenMin: 0,
  injuredWomenMax: 0,
  sent: 0,
  documentedMin: 0,
  documentedMax: 0,
  concededMin: 0,
  concededMax: 0,
  gap: { min: 0, max: 0, minPercent: null, maxPercent: null },
};
const summary: Summary = {
  total: { ...emptyMeasures, cases: 3, incendiary: 0 },
  byStage: [
    { key: "submission", cases: 1 },
    { key: "closed", cases: 2 },
  ],
  byGrading: [],
  answers: [],
  openByAge: [],
  civilianObjects: [],
  redress: [],
  amounts: [{ currency: "USD", status: "delivered", items: 2, amount: "21500.25" }],
  durations: [],
  byYear: [{ ...emptyMeasures, key: "2017", cases: 3, sent: 2, documentedMin: 100, concededMin: 10 }],
  byGovernorate: [],
  byBelligerent: [{ ...emptyMeasures, key: "coalition", cases: 3, sent: 2, documentedMin: 100, concededMin: 10, gap: { min: 90, max: 0, minPercent: 90, maxPercent: null } }],
};

describe("the summary's tables and charts", () => {
  it("give the workbook and the report the page's numbers, amounts kept exact", () => {
    const tables = summaryTables(summary, translatorFor("en"), "en");
    expect(tables.find((t) => t.id === "amounts")?.rows).toEqual([["USD", "Paid or delivered", 2, "21500.25"]]);
    expect(tables.find((t) => t.id === "byStage")?.rows).toEqual([
      ["Submission", 1],
      ["Closed", 2],
    ]);
  });

  it("draw each chart with its numbers as a table, mirrored for right-to-left readers", () => {
    const english = summaryCharts(summary, chartTextOf(translatorFor("en"), "en"));
    expect(english.map((c) => c.id)).toEqual(["perYear", "funnel", "gapPerBelligerent"]);
    expect(english[0].table).toEqual({ columns: ["Year", "Documented", "Conceded"], rows: [["2017", 100, 10]] });
    expect(english[2].table.rows).toEqual([["US-led coalition (as a whole)", 100, 10, "90 (90%)"]]);
    for (const chart of english) {
      expect(chart.svg).toMatch(/^<svg [^>]*aria-hidden="true"/);
      expect(chart.svg).not.toMatch(/<script/i);
    }
    const arabic = summaryCharts(summary, chartTextOf(translatorFor("ar"), "ar"));
    expect(arabic[1].svg).toContain("مغلقة");
    // The stage names sit at the right-hand edge in Arabic, at the left in English.
    const labelX = (svg: string) => Number(svg.match(/aria-label="y-axis tick label"><text transform="translate\(([\d.]+)/)?.[1]);
    expect(labelX(arabic[1].svg)).toBeGreaterThan(360);
    expect(labelX(english[1].svg)).toBeLessThan(360);
  });
});
