import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { ForbiddenError, type Actor } from "@/lib/auth/actor";
import { startSummaryExport, type SummaryExport } from "@/lib/summaries/export";
import { summarise, type Summary } from "@/lib/summaries/figures";
import { parseSummaryFilter } from "@/lib/summaries/filters";
import { addAccount } from "../support/accounts";
import { backends } from "../support/databases";
import { auditEventsWithAction } from "../support/rows";
import { commentTexts, confidentialNames, insertSummaryFixture } from "../support/summary-fixture";

type Row = Record<string, string>;

describe.each(backends)("summary exports on $name", (backend) => {
  let handle: DatabaseHandle;
  let manager: Actor;
  let reviewer: Actor;
  let summary: Summary;
  const all = parseSummaryFilter({});

  beforeAll(async () => {
    handle = await backend.open();
    const staff = await addAccount(handle.db, "staff");
    reviewer = await addAccount(handle.db, "reviewer");
    manager = await addAccount(handle.db, "manager", { name: "Layla Manager" });
    await insertSummaryFixture(handle.db, staff, reviewer);
    summary = await summarise(handle.db, manager, all);
  });
  afterAll(() => handle.close());

  const download = async (request: Partial<SummaryExport> & Pick<SummaryExport, "kind" | "audience">) => {
    const file = await startSummaryExport(handle.db, manager, { filter: all, ...request });
    return { ...file, bytes: Buffer.from(await new Response(file.body).arrayBuffer()) };
  };
  const csv = async (request: Pick<SummaryExport, "kind" | "audience"> & Partial<SummaryExport>): Promise<Row[]> =>
    parse((await download(request)).bytes, { columns: true, bom: true }) as Row[];
  const sum = (rows: Row[], column: string) => rows.reduce((total, r) => total + (r[column] === "" ? 0 : Number(r[column])), 0);

  it("exports one row per counted case, whose totals are the page's", async () => {
    const rows = await csv({ kind: "cases", audience: "internal" });
    expect(rows).toHaveLength(summary.total.cases);
    expect(rows.map((r) => r.reference)).not.toContain("FIX-29");
    expect(rows.map((r) => r.reference)).not.toContain("FIX-30");
    expect(sum(rows, "killed_min")).toBe(summary.total.killedMin);
    expect(sum(rows, "killed_max")).toBe(summary.total.killedMax);
    expect(sum(rows, "injured_children_max")).toBe(summary.total.injuredChildrenMax);
    const sent = rows.filter((r) => r.sent_to_belligerent === "true");
    expect(sent).toHaveLength(summary.total.sent);
    expect(sum(sent, "deaths_conceded_min")).toBe(summary.total.concededMin);
    expect(sum(sent, "deaths_conceded_max")).toBe(summary.total.concededMax);
    expect(rows.find((r) => r.reference === "FIX-27")).toMatchObject({ belligerent_answer: "credible", deaths_conceded_min: "3", narrative: "Narrative of FIX-27." });
  });

  it("honours the filters: Raqqa in 2017 only", async () => {
    const rows = await csv({ kind: "cases", audience: "public", filter: parseSummaryFilter({ governorate: "SY11", from: "2017-01-01", to: "2017-12-31" }) });
    expect(rows.map((r) => r.reference)).toEqual(["FIX-01", "FIX-02", "FIX-03", "FIX-04", "FIX-05", "FIX-20", "FIX-21", "FIX-22"]);
    expect(sum(rows, "killed_min")).toBe(87);
  });

  it("exports redress items whose delivered amounts add up to the page's, per currency, exactly", async () => {
    const rows = await csv({ kind: "redress", audience: "internal" });
    expect(rows).toHaveLength(summary.redress.reduce((n, r) => n + r.items, 0));
    for (const a of summary.amounts) {
      const matching = rows.filter((r) => r.currency === a.currency && r.status === a.status);
      const cents = matching.reduce((n, r) => n + Math.round(Number(r.amount) * 100), 0);
      expect((cents / 100).toFixed(2), `${a.currency} ${a.status}`).toBe(a.amount);
    }
  });

  it("keeps confidential identities in the internal victims and sources, and out of every public file", async () => {
    const internalVictims = await csv({ kind: "victims", audience: "internal" });
    expect(internalVictims.map((v) => v.name_latin)).toContain("Hamid al-Khalaf");
    const internalSources = await csv({ kind: "sources", audience: "internal" });
    expect(internalSources.map((s) => s.publisher)).toContain("Abu Omar field network");

    const publicVictims = await csv({ kind: "victims", audience: "public" });
    expect(publicVictims).toHaveLength(internalVictims.length);
    expect(publicVictims.find((v) => v.identity_withheld === "false")).toMatchObject({ name_latin: expect.any(String) });
    expect(publicVictims.filter((v) => v.identity_withheld === "true").every((v) => v.name_latin === "" && v.name_ar === "" && v.family_group === "" && v.age === "")).toBe(true);

    for (const kind of ["cases", "victims", "redress", "sources", "workbook", "report"] as const) {
      const { bytes } = await download({ kind, audience: "public" });
      const text = kind === "workbook" ? await workbookText(bytes) : kind === "report" ? await pdfText(bytes) : bytes.toString("utf8");
      for (const name of confidentialNames) expect(text, `${kind} holds ${name}`).not.toContain(name);
      expect(text).not.toContain("Narrative of FIX-01.");
    }
  });

  it("never exports internal comments, not even internally", async () => {
    for (const kind of ["cases", "victims", "redress", "sources", "workbook", "report"] as const) {
      const { bytes } = await download({ kind, audience: "internal" });
      const text = kind === "workbook" ? await workbookText(bytes) : kind === "report" ? await pdfText(bytes) : bytes.toString("utf8");
      for (const comment of commentTexts) expect(text, kind).not.toContain(comment);
    }
  });

  it("writes a workbook with a sheet per figure table holding the page's figures, and the records", async () => {
    const { bytes, fileName, mediaType } = await download({ kind: "workbook", audience: "internal" });
    expect(fileName).toMatch(/^accountability-workbook-internal-\d{8}-\d{4}\.xlsx$/);
    expect(mediaType).toContain("spreadsheetml");
    const book = await loadWorkbook(bytes);
    const names = book.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(["Civilians killed and injured", "Amounts per currency", "Per belligerent", "cases", "victims", "sources", "redress"]));
    const harm = book.getWorksheet("Civilians killed and injured");
    expect(harm?.getRow(3).values).toEqual([undefined, "Killed", summary.total.killedMin, summary.total.killedMax]);
    const amounts = book.getWorksheet("Amounts per currency");
    const amountRows = (amounts?.getSheetValues() ?? []).slice(3).map((r) => (r as unknown[]).slice(1));
    expect(amountRows).toEqual(summary.amounts.map((a) => [a.currency, expect.any(String), a.items, Number(a.amount)]));
    expect((book.getWorksheet("cases")?.rowCount ?? 0) - 1).toBe(summary.total.cases);
  });

  it("prints a report with the title, the filters, the figures and the methodology, as text", async () => {
    const raqqa = parseSummaryFilter({ governorate: "SY11", from: "2017-01-01", to: "2017-12-31" });
    const { bytes, mediaType } = await download({ kind: "report", audience: "public", filter: raqqa });
    expect(mediaType).toBe("application/pdf");
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(bytes);
    expect(text).toContain("Accountability summaries");
    expect(text).toContain("Ar-Raqqa");
    expect(text).toContain("2017-01-01 – 2017-12-31");
    expect(text).toContain("Civilians killed: 87–112");
    expect(text).toContain("Acknowledgement gap: 53–69 (67.9% – 69.7%)");
    expect(text).toContain("Methodology");
    expect(text).toContain("Acknowledgement gap: over the cases sent");
  });

  it("records every export in the audit trail: who, which kind, for whom, which filters", async () => {
    const before = (await auditEventsWithAction(handle.db, "summary.exported")).length;
    await download({ kind: "victims", audience: "public", filter: parseSummaryFilter({ belligerent: "us" }) });
    const events = await auditEventsWithAction(handle.db, "summary.exported");
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({
      actorId: manager.id,
      entityType: "summary",
      changes: { kind: { to: "victims" }, audience: { to: "public" }, filters: { to: { belligerent: ["us"] } } },
    });
  });

  it("lets managers only export, and writes nothing for a refusal", async () => {
    const before = (await auditEventsWithAction(handle.db, "summary.exported")).length;
    await expect(startSummaryExport(handle.db, reviewer, { filter: all, kind: "cases", audience: "public" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(startSummaryExport(handle.db, null, { filter: all, kind: "cases", audience: "internal" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await auditEventsWithAction(handle.db, "summary.exported")).toHaveLength(before);
  });
});

/** ExcelJS declares a `Buffer` of its own, older than Node's; the bytes are the same. */
async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

async function workbookText(bytes: Buffer): Promise<string> {
  const book = await loadWorkbook(bytes);
  return book.worksheets.map((w) => JSON.stringify(w.getSheetValues())).join("\n");
}

async function pdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text;
}
