import { Readable } from "node:stream";
import type { Db } from "@/db/client";
import { recordAudit } from "@/lib/audit/record";
import { authorize, type Principal } from "@/lib/auth/actor";
import { csvLine } from "@/lib/csv";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor, type Translate } from "@/lib/i18n/translator";
import { exportFiles, isCsvKind, type Audience, type CsvKind, type ExportKind } from "./export-kinds";
import { exportTables } from "./export-rows";
import { summarise, type Summary } from "./figures";
import type { SummaryFilter } from "./filters";
import { summaryTables } from "./tables";
import { chartTextOf, filterDescription, methodologyKeys } from "./wording";

export type SummaryExport = { filter: SummaryFilter; kind: ExportKind; audience: Audience };
export type ExportFile = { body: ReadableStream<Uint8Array>; fileName: string; mediaType: string };

/** The printable report is typeset in English for now (docs/decisions/0011): its fonts carry no Arabic. */
const reportLocale: Locale = "en";

const CHUNK = 64 * 1024;

/** The CSV as UTF-8 chunks of about 64 KiB: one per line would cost more in stream overhead than the line itself. */
async function* csvOf(db: Db, kind: CsvKind, filter: SummaryFilter, audience: Audience): AsyncGenerator<Buffer> {
  const table = exportTables[kind];
  // The byte order mark tells spreadsheets the file is UTF-8 (else Arabic names arrive garbled).
  let pending = `\uFEFF${csvLine(table.columns)}`;
  for await (const row of table.rows(db, filter, audience)) {
    pending += csvLine(row);
    if (pending.length >= CHUNK) {
      yield Buffer.from(pending);
      pending = "";
    }
  }
  yield Buffer.from(pending);
}

function aboutLines(t: Translate, locale: Locale, filter: SummaryFilter, audience: Audience, now: Date): string[] {
  const described = filterDescription(filter, t, locale);
  return [
    described.length ? t("summaries.filteredBy", { filters: described.join(" · ") }) : t("summaries.noFilters"),
    t("summaries.generated", { date: `${now.toISOString().slice(0, 16).replace("T", " ")} UTC` }),
    `${t(`summaries.exports.${audience}`)}: ${t(`summaries.exports.${audience}Help`)}`,
  ];
}

function keyFigures(s: Summary, t: Translate) {
  const range = (min: number, max: number) => (min === max ? String(min) : `${min}–${max}`);
  const percent = (p: number | null) => (p === null ? t("summaries.notApplicable") : `${p}%`);
  const total = s.total;
  return [
    { label: t("summaries.allegations"), value: String(total.cases) },
    { label: t("summaries.killed"), value: range(total.killedMin, total.killedMax) },
    { label: t("harm.killedChildren"), value: range(total.killedChildrenMin, total.killedChildrenMax) },
    { label: t("harm.killedWomen"), value: range(total.killedWomenMin, total.killedWomenMax) },
    { label: t("summaries.injured"), value: range(total.injuredMin, total.injuredMax) },
    { label: t("summaries.sent"), value: String(total.sent) },
    { label: t("summaries.documentedInSent"), value: range(total.documentedMin, total.documentedMax) },
    { label: t("summaries.conceded"), value: range(total.concededMin, total.concededMax) },
    { label: t("summaries.gap"), value: `${range(total.gap.min, total.gap.max)} (${percent(total.gap.minPercent)} – ${percent(total.gap.maxPercent)})` },
  ];
}

/** A byte stream that asks the generator for more only when the reader wants more: nothing piles up. */
function pulled(chunks: AsyncGenerator<Buffer>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.byteLength));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

async function fileBody(db: Db, by: Principal, request: SummaryExport, locale: Locale, now: Date): Promise<ReadableStream<Uint8Array>> {
  const { kind, filter, audience } = request;
  if (isCsvKind(kind)) return pulled(csvOf(db, kind, filter, audience));
  return Readable.toWeb(await documentBody(db, by, request, locale, now)) as ReadableStream<Uint8Array>;
}

/** The workbook or the report. Their libraries (ExcelJS, PDFKit, Plot) load on first use: a CSV export never needs them. */
async function documentBody(db: Db, by: Principal, request: SummaryExport, locale: Locale, now: Date): Promise<Readable> {
  const { kind, filter, audience } = request;
  const summary = await summarise(db, by, filter);
  if (kind === "workbook") {
    const { workbookStream } = await import("./workbook");
    const t = translatorFor(locale);
    return workbookStream({
      rtl: locale === "ar",
      about: [[t("summaries.title")], ...aboutLines(t, locale, filter, audience, now).map((l) => [l]), [], [t("summaries.methodology.title")], ...methodologyKeys.map((k) => [t(`summaries.methodology.${k}`)])],
      tables: summaryTables(summary, t, locale),
      data: (["cases", "victims", "sources", "redress"] as const).map((k) => ({ name: k, columns: exportTables[k].columns, rows: exportTables[k].rows(db, filter, audience) })),
    });
  }
  const [{ reportStream }, { summaryCharts }] = await Promise.all([import("./report"), import("./charts")]);
  const t = translatorFor(reportLocale);
  return reportStream({
    title: t("summaries.title"),
    subtitle: t("summaries.intro"),
    lines: aboutLines(t, reportLocale, filter, audience, now),
    keyFigures: keyFigures(summary, t),
    charts: summaryCharts(summary, chartTextOf(t, reportLocale)),
    tables: summaryTables(summary, t, reportLocale),
    methodologyTitle: t("summaries.methodology.title"),
    methodology: methodologyKeys.map((k) => t(`summaries.methodology.${k}`)),
    empty: t("summaries.notApplicable"),
  });
}

/**
 * Starts an export for a manager: public exports need summary:export, internal ones
 * summary:export-internal too. The export is an audit event (who, when, which kind, for whom,
 * which filters) committed before the first byte is read; the file then streams.
 */
export async function startSummaryExport(db: Db, by: Principal | null, request: SummaryExport, locale: Locale = "en", now = new Date()): Promise<ExportFile> {
  authorize(by, "summary:export");
  if (request.audience === "internal") authorize(by, "summary:export-internal");
  await db.transaction((tx) =>
    recordAudit(tx, {
      actor: by,
      action: "summary.exported",
      entityType: "summary",
      changes: { kind: { from: null, to: request.kind }, audience: { from: null, to: request.audience }, filters: { from: null, to: request.filter } },
    }),
  );
  const body = await fileBody(db, by, request, locale, now);
  const { extension, mediaType } = exportFiles[request.kind];
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
  return {
    body,
    fileName: `accountability-${request.kind}-${request.audience}-${stamp}.${extension}`,
    mediaType,
  };
}
