import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { ChartFigure } from "@/components/summaries/ChartFigure";
import { ExportPanel } from "@/components/summaries/ExportPanel";
import { FigureTable } from "@/components/summaries/FigureTable";
import { KeyFigures } from "@/components/summaries/KeyFigures";
import { Methodology } from "@/components/summaries/Methodology";
import { SummaryFilters } from "@/components/summaries/SummaryFilters";
import { requirePermission } from "@/lib/auth/current-actor";
import { summaryCharts } from "@/lib/summaries/charts";
import { audiences, EXPORT_STARTED_COOKIE, exportKinds } from "@/lib/summaries/export-kinds";
import { summarise } from "@/lib/summaries/figures";
import { parseSummaryFilter, summaryFilterParams } from "@/lib/summaries/filters";
import { summaryTables } from "@/lib/summaries/tables";
import type { Translate } from "@/lib/i18n/translator";
import { chartTextOf, filterDescription } from "@/lib/summaries/wording";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("summaries"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const breakdownIds = ["byYear", "byGovernorate", "byBelligerent"];
const cellText = (cell: string | number | null, empty: string) => (cell === null ? empty : cell);

export default async function SummariesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission("summary:read");
  const filter = parseSummaryFilter(await searchParams);
  const summary = await summarise(db(), actor, filter);
  // The request's translator, under the plain signature the summary's key-building code takes (see Translate).
  const t = (await getTranslations()) as unknown as Translate;
  const locale = await getLocale();
  const format = await getFormatter();
  const described = filterDescription(filter, t, locale);
  const tables = summaryTables(summary, t, locale);
  const charts = summaryCharts(summary, chartTextOf(t, locale));
  const params = summaryFilterParams(filter);
  const exportHref = (kind: string, audience: string) => `/summaries/export?${new URLSearchParams([...params, ["kind", kind], ["audience", audience]])}`;
  const empty = t("summaries.notApplicable");
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("summaries.title")}</h1>
        <p className="text-slate-700">{t("summaries.intro")}</p>
      </div>
      <section aria-labelledby="summary-filters" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="summary-filters" className="sr-only">
          {t("summaries.filters")}
        </h2>
        <SummaryFilters filter={filter} />
      </section>
      <section aria-labelledby="key-figures" className="flex flex-col gap-3">
        <h2 id="key-figures" className="text-lg font-semibold">
          {t("summaries.keyFigures")}
        </h2>
        <p className="text-sm text-slate-700" data-testid="summary-filters-in-words">
          {described.length ? t("summaries.filteredBy", { filters: described.join(" · ") }) : t("summaries.noFilters")}{" "}
          {t("summaries.generated", { date: format.dateTime(new Date(), { dateStyle: "long", timeStyle: "short" }) })}
        </p>
        {summary.total.cases === 0 ? <p data-testid="no-cases">{t("summaries.none")}</p> : null}
        <KeyFigures total={summary.total} />
      </section>
      <section aria-label={t("summaries.chartsTitle")} className="grid grid-cols-1 gap-6 rounded-lg border border-slate-300 bg-white p-4 xl:grid-cols-2">
        {charts.map((c) => (
          <ChartFigure key={c.id} chart={c} numbersLabel={t("summaries.charts.numbers")} />
        ))}
      </section>
      <section aria-labelledby="summary-exports" className="rounded-lg border border-slate-300 bg-white p-4" data-testid="summary-exports">
        <h2 id="summary-exports" className="mb-1 text-lg font-semibold">
          {t("summaries.exports.title")}
        </h2>
        <p className="mb-3 text-sm text-slate-700">{t("summaries.exports.help")}</p>
        <ExportPanel
          cookieName={EXPORT_STARTED_COOKIE}
          messages={{
            preparing: t("summaries.exports.preparing", { name: "{name}" }),
            started: t("summaries.exports.started", { name: "{name}" }),
            failed: t("summaries.exports.failed", { name: "{name}" }),
          }}
          groups={audiences.map((audience) => ({
            title: t(`summaries.exports.${audience}`),
            help: t(`summaries.exports.${audience}Help`),
            links: exportKinds.map((kind) => {
              const label = t(`summaries.exports.kinds.${kind}`);
              return { href: exportHref(kind, audience), label, name: `${label} · ${t(`summaries.exports.${audience}`)}` };
            }),
          }))}
        />
      </section>
      <div className="grid grid-cols-1 gap-6 rounded-lg border border-slate-300 bg-white p-4 lg:grid-cols-2">
        {tables
          .filter((table) => !breakdownIds.includes(table.id))
          .map((table) => (
            <FigureTable key={table.id} testId={`table-${table.id}`} caption={table.title} columns={table.columns} rows={table.rows.map((r) => r.map((c) => cellText(c, empty)))} />
          ))}
      </div>
      {tables
        .filter((table) => breakdownIds.includes(table.id))
        .map((table) => (
          <div key={table.id} className="rounded-lg border border-slate-300 bg-white p-4">
            <FigureTable testId={`table-${table.id}`} caption={table.title} columns={table.columns} rows={table.rows.map((r) => r.map((c) => cellText(c, empty)))} />
            {table.id === "byBelligerent" ? <p className="mt-2 text-sm text-slate-700">{t("summaries.perBelligerentNote")}</p> : null}
          </div>
        ))}
      <Methodology />
    </div>
  );
}
