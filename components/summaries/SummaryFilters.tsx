import { getTranslations } from "next-intl/server";
import { CaseFilterFields } from "@/components/cases/CaseFilterFields";
import { FilterButtons } from "@/components/ui/FilterButtons";
import type { SummaryFilter } from "@/lib/summaries/filters";

/** A plain GET form: the filters land in the URL, so a view of the figures can be bookmarked and shared. */
export async function SummaryFilters({ filter }: { filter: SummaryFilter }) {
  const t = await getTranslations("summaries");
  return (
    <form method="get" action="/summaries" role="search" aria-label={t("filters")} className="flex flex-col gap-3">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <CaseFilterFields filter={filter} />
      </div>
      <FilterButtons applyLabel={t("apply")} clearLabel={t("clear")} clearHref="/summaries" />
    </form>
  );
}
