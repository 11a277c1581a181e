import { getTranslations } from "next-intl/server";
import { FilterButtons } from "@/components/ui/FilterButtons";
import { CaseFilterFields, FilterField, filterControl as control } from "./CaseFilterFields";
import { PAGE_SIZES, sortKeys, type CaseListQuery } from "@/lib/cases/list-query";


/** A plain GET form: every filter lands in the URL, and it works without JavaScript. */
export async function CaseFilters({ query, overdueDays }: { query: CaseListQuery; overdueDays: number }) {
  const t = await getTranslations();
  const field = (id: string, label: string, input: React.ReactNode) => <FilterField id={id} label={label}>{input}</FilterField>;
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
        <CaseFilterFields filter={query} />
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
