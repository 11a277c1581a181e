import { FilterButtons } from "@/components/ui/FilterButtons";
import { getTranslations } from "next-intl/server";
import type { AuditFilters as Filters } from "@/lib/audit/filters";

const control = "rounded border border-slate-400 bg-white px-2 py-1.5 focus:outline-2 focus:outline-sky-700";

/** A plain GET form: the filters land in the URL, and the exports take the same ones. */
export async function AuditFilters({ filters }: { filters: Filters }) {
  const t = await getTranslations("audit");
  const field = (name: keyof Filters, type = "text", help?: string) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`audit-${name}`} className="text-sm font-medium">
        {t(`filter.${name}`)}
      </label>
      <input
        id={`audit-${name}`}
        name={name}
        type={type}
        defaultValue={filters[name] ?? ""}
        className={control}
        aria-describedby={help ? `audit-${name}-help` : undefined}
        dir={name === "case" || name === "action" ? "ltr" : undefined}
      />
      {help ? (
        <p id={`audit-${name}-help`} className="text-xs text-slate-600">
          {help}
        </p>
      ) : null}
    </div>
  );
  return (
    <form method="get" action="/audit" role="search" aria-label={t("filters")} className="flex flex-col gap-3">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5">
        {field("actor", "text", t("filter.actorHelp"))}
        {field("case", "text", t("filter.caseHelp"))}
        {field("action", "text", t("filter.actionHelp"))}
        {field("from", "date")}
        {field("to", "date")}
      </div>
      <FilterButtons applyLabel={t("apply")} clearLabel={t("clear")} clearHref="/audit" />
    </form>
  );
}
