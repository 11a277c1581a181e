import { getLocale, getTranslations } from "next-intl/server";
import { FilterButtons } from "@/components/ui/FilterButtons";
import type { Locale } from "@/lib/i18n/locales";
import { PAGE_SIZES, sortKeys, type CaseListQuery } from "@/lib/cases/list-query";
import { belligerents, countries, gradings, stages } from "@/lib/cases/vocabulary";
import { countryAreas } from "@/lib/places/admin-areas";

const control = "rounded border border-slate-400 bg-white px-2 py-1.5 focus:outline-2 focus:outline-sky-700";

/** A plain GET form: every filter lands in the URL, and it works without JavaScript. */
export async function CaseFilters({ query, overdueDays }: { query: CaseListQuery; overdueDays: number }) {
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const field = (id: string, label: string, input: React.ReactNode) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {input}
    </div>
  );
  return (
    <form method="get" action="/cases" role="search" aria-label={t("cases.filters")} className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-q" className="text-sm font-medium">
          {t("cases.search")}
        </label>
        <input id="filter-q" name="q" type="search" defaultValue={query.q} aria-describedby="filter-q-help" className={control} />
        <p id="filter-q-help" className="text-xs text-slate-600">
          {t("cases.searchHelp")}
        </p>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {field(
          "filter-stage",
          t("cases.stage"),
          <select id="filter-stage" name="stage" defaultValue={query.stage[0] ?? ""} className={control}>
            <option value="">{t("cases.anyStage")}</option>
            {stages.map((s) => (
              <option key={s} value={s}>
                {t(`stages.${s}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          "filter-grading",
          t("cases.grading"),
          <select id="filter-grading" name="grading" defaultValue={query.grading[0] ?? ""} className={control}>
            <option value="">{t("cases.anyGrading")}</option>
            {gradings.map((g) => (
              <option key={g} value={g}>
                {t(`gradings.${g}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          "filter-belligerent",
          t("caseForm.belligerents"),
          <select id="filter-belligerent" name="belligerent" defaultValue={query.belligerent[0] ?? ""} className={control}>
            <option value="">{t("cases.anyBelligerent")}</option>
            {belligerents.map((b) => (
              <option key={b} value={b}>
                {t(`belligerents.${b}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          "filter-country",
          t("caseForm.country"),
          <select id="filter-country" name="country" defaultValue={query.country ?? ""} className={control}>
            <option value="">{t("cases.anyCountry")}</option>
            {countries.map((c) => (
              <option key={c} value={c}>
                {t(`countries.${c}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          "filter-governorate",
          t("caseForm.governorate"),
          <select id="filter-governorate" name="governorate" defaultValue={query.governorate ?? ""} className={control}>
            <option value="">{t("cases.anyGovernorate")}</option>
            {countryAreas.map((c) => (
              <optgroup key={c.pcode} label={t(`countries.${c.pcode}`)}>
                {c.governorates.map((g) => (
                  <option key={g.pcode} value={g.pcode}>
                    {locale === "ar" ? g.nameAr : g.nameEn}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>,
        )}
        {field("filter-from", `${t("cases.period")}: ${t("cases.from")}`, <input id="filter-from" name="from" type="date" defaultValue={query.from} className={control} />)}
        {field("filter-to", `${t("cases.period")}: ${t("cases.to")}`, <input id="filter-to" name="to" type="date" defaultValue={query.to} className={control} />)}
        {field(
          "filter-assignee",
          t("cases.assignee"),
          <select id="filter-assignee" name="assignee" defaultValue={query.assignee ?? ""} className={control}>
            <option value="">{t("cases.anyone")}</option>
            <option value="me">{t("cases.assignedToMe")}</option>
            <option value="none">{t("cases.unassigned")}</option>
          </select>,
        )}
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium">{t("cases.show")}</legend>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="mine" value="1" defaultChecked={query.mine === "1"} className="size-4" />
            {t("cases.mine")}
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="overdue" value="1" defaultChecked={query.overdue === "1"} className="size-4" aria-describedby="filter-overdue-help" />
            {t("lifecycle.overdue")}
          </label>
          <p id="filter-overdue-help" className="text-xs text-slate-600">
            {t("lifecycle.overdueHelp", { days: overdueDays })}
          </p>
        </fieldset>
        {field("filter-tag", t("cases.tag"), <input id="filter-tag" name="tag" defaultValue={query.tag[0] ?? ""} className={control} />)}
        {field(
          "filter-sort",
          t("cases.sortBy"),
          <select id="filter-sort" name="sort" defaultValue={query.sort} className={control}>
            {sortKeys.map((s) => (
              <option key={s} value={s}>
                {t(`cases.sort.${s}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          "filter-dir",
          t("cases.direction"),
          <select id="filter-dir" name="dir" defaultValue={query.dir} className={control}>
            <option value="desc">{t("cases.desc")}</option>
            <option value="asc">{t("cases.asc")}</option>
          </select>,
        )}
        {field(
          "filter-size",
          t("cases.perPage"),
          <select id="filter-size" name="size" defaultValue={String(query.size)} className={control}>
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>,
        )}
      </div>
      <FilterButtons applyLabel={t("cases.apply")} clearLabel={t("cases.clear")} clearHref="/cases" />
    </form>
  );
}
