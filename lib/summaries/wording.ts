import { governorateOf } from "@/lib/places/admin-areas";
import type { Translate } from "@/lib/i18n/translator";
import type { SummaryFilter } from "./filters";

/** The methodology note, paragraph by paragraph (keys under summaries.methodology). */
export const methodologyKeys = ["counted", "harm", "stages", "answers", "gap", "redress", "durations", "age", "objects", "breakdowns", "exports"] as const;

export function governorateName(pcode: string, locale: string): string {
  const g = governorateOf(pcode);
  return g ? (locale === "ar" ? g.nameAr : g.nameEn) : pcode;
}

/** The chart labels in the reader's language (lib/summaries/charts.ts). */
export function chartTextOf(t: Translate, locale: string) {
  return {
    rtl: locale === "ar",
    titles: { perYear: t("summaries.charts.perYear"), funnel: t("summaries.charts.funnel"), gapPerBelligerent: t("summaries.charts.gapPerBelligerent") },
    year: t("summaries.year"),
    documented: t("summaries.charts.documented"),
    conceded: t("summaries.charts.conceded"),
    deaths: t("summaries.charts.deaths"),
    stage: t("summaries.stage"),
    cases: t("summaries.cases"),
    belligerent: t("summaries.belligerent"),
    gap: t("summaries.gap"),
    stageName: (k: string) => t(`stages.${k}`),
    belligerentName: (k: string) => t(`belligerents.${k}`),
  };
}

/** The filters in words, for the report and the page ("none" when every allegation is counted). */
export function filterDescription(f: SummaryFilter, t: Translate, locale: string): string[] {
  const parts: string[] = [];
  if (f.from || f.to) parts.push(`${t("cases.period")}: ${f.from ?? "…"} – ${f.to ?? "…"}`);
  if (f.belligerent.length) parts.push(`${t("caseForm.belligerents")}: ${f.belligerent.map((b) => t(`belligerents.${b}`)).join(", ")}`);
  if (f.country) parts.push(`${t("caseForm.country")}: ${t(`countries.${f.country}`)}`);
  if (f.governorate) parts.push(`${t("caseForm.governorate")}: ${governorateName(f.governorate, locale)}`);
  if (f.stage.length) parts.push(`${t("cases.stage")}: ${f.stage.map((s) => t(`stages.${s}`)).join(", ")}`);
  if (f.grading.length) parts.push(`${t("cases.grading")}: ${f.grading.map((g) => t(`gradings.${g}`)).join(", ")}`);
  return parts;
}
