import type { Breakdown, Summary } from "./figures";
import type { Translate } from "@/lib/i18n/translator";
import { governorateName } from "./wording";

/**
 * The summary as titled tables: the page shows them, the workbook has a sheet for each and the
 * report prints them, so the three can never disagree. Cells are numbers where the figure is one
 * (amounts stay exact decimal text); null is a figure that does not apply.
 */
export type Cell = string | number | null;
export type FigureTableData = { id: string; title: string; columns: string[]; rows: Cell[][] };

function breakdownTable(id: string, title: string, keyColumn: string, rows: Breakdown[], name: (key: string) => string, t: Translate): FigureTableData {
  const min = (label: string) => `${label}: ${t("summaries.minimum")}`;
  const max = (label: string) => `${label}: ${t("summaries.maximum")}`;
  const killed = t("summaries.killed");
  const injured = t("summaries.injured");
  const documented = t("summaries.documentedInSent");
  const conceded = t("summaries.conceded");
  const gap = t("summaries.gap");
  return {
    id,
    title,
    columns: [keyColumn, t("summaries.cases"), min(killed), max(killed), min(injured), max(injured), t("summaries.sent"), min(documented), max(documented), min(conceded), max(conceded), min(gap), max(gap), `${min(gap)} %`, `${max(gap)} %`],
    rows: rows.map((b) => [
      name(b.key),
      b.cases,
      b.killedMin,
      b.killedMax,
      b.injuredMin,
      b.injuredMax,
      b.sent,
      b.documentedMin,
      b.documentedMax,
      b.concededMin,
      b.concededMax,
      b.gap.min,
      b.gap.max,
      b.gap.minPercent,
      b.gap.maxPercent,
    ]),
  };
}

export function summaryTables(s: Summary, t: Translate, locale: string): FigureTableData[] {
  const count = (id: string, title: string, keyColumn: string, rows: { key: string; cases: number }[], name: (key: string) => string): FigureTableData => ({
    id,
    title,
    columns: [keyColumn, t("summaries.cases")],
    rows: rows.map((r) => [name(r.key), r.cases]),
  });
  const minMax = [t("summaries.measure"), t("summaries.minimum"), t("summaries.maximum")];
  const total = s.total;
  return [
    {
      id: "harm",
      title: t("summaries.harmTable"),
      columns: minMax,
      rows: (["killed", "killedChildren", "killedWomen", "injured", "injuredChildren", "injuredWomen"] as const).map((h) => [
        t(`harm.${h}`),
        total[`${h}Min`],
        total[`${h}Max`],
      ]),
    },
    {
      id: "gap",
      title: t("summaries.gapTable"),
      columns: minMax,
      rows: [
        [t("summaries.sent"), total.sent, total.sent],
        [t("summaries.documentedInSent"), total.documentedMin, total.documentedMax],
        [t("summaries.conceded"), total.concededMin, total.concededMax],
        [t("summaries.gap"), total.gap.min, total.gap.max],
        [`${t("summaries.gap")} %`, total.gap.minPercent, total.gap.maxPercent],
      ],
    },
    count("byStage", t("summaries.byStage"), t("summaries.stage"), s.byStage, (k) => t(`stages.${k}`)),
    count("byGrading", t("summaries.byGrading"), t("summaries.grading"), s.byGrading, (k) => (k === "none" ? t("summaries.notAssessed") : t(`gradings.${k}`))),
    count("answers", t("summaries.answers"), t("summaries.answer"), s.answers, (k) => (k === "awaiting" ? t("summaries.awaiting") : t(`answers.${k}`))),
    {
      id: "redress",
      title: t("summaries.redress"),
      columns: [t("summaries.type"), t("summaries.status"), t("summaries.items")],
      rows: s.redress.map((r) => [t(`redressTypes.${r.type}`), t(`redressStatuses.${r.status}`), r.items]),
    },
    {
      id: "amounts",
      title: t("summaries.amounts"),
      columns: [t("summaries.currency"), t("summaries.status"), t("summaries.items"), t("summaries.amount")],
      rows: s.amounts.map((a) => [a.currency, t(`redressStatuses.${a.status}`), a.items, a.amount]),
    },
    {
      id: "durations",
      title: t("summaries.durations"),
      columns: [t("summaries.step"), t("summaries.casesCounted"), t("summaries.median"), t("summaries.p90")],
      rows: s.durations.map((d) => [t(`summaries.steps.${d.step}`), d.cases, d.median, d.p90]),
    },
    count("openByAge", t("summaries.openByAge"), t("summaries.age"), s.openByAge, (k) => t(`summaries.ageBands.${k}`)),
    count("objects", t("summaries.objects"), t("summaries.object"), s.civilianObjects, (k) => t(`civilianObjects.${k}`)),
    breakdownTable("byYear", t("summaries.byYear"), t("summaries.year"), s.byYear, (k) => k, t),
    breakdownTable("byGovernorate", t("summaries.byGovernorate"), t("summaries.governorate"), s.byGovernorate, (k) => governorateName(k, locale), t),
    breakdownTable("byBelligerent", t("summaries.byBelligerent"), t("summaries.belligerent"), s.byBelligerent, (k) => t(`belligerents.${k}`), t),
  ];
}
