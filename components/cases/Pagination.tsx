import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { toSearchParams, type CaseListQuery } from "@/lib/cases/list-query";

export async function Pagination({ query, total }: { query: CaseListQuery; total: number }) {
  const t = await getTranslations("cases");
  const pages = Math.max(1, Math.ceil(total / query.size));
  const href = (page: number) => `/cases?${toSearchParams({ ...query, page })}`;
  const first = total === 0 ? 0 : (query.page - 1) * query.size + 1;
  const last = Math.min(total, query.page * query.size);
  const link = "rounded border border-slate-500 px-3 py-1 hover:bg-slate-100";
  return (
    <nav aria-label={t("page", { page: query.page, pages })} className="flex flex-wrap items-center gap-3 text-sm">
      <p>{t("showing", { first, last, total })}</p>
      {query.page > 1 ? (
        <Link href={href(query.page - 1)} className={link} rel="prev">
          {t("previous")}
        </Link>
      ) : null}
      <span>{t("page", { page: query.page, pages })}</span>
      {query.page < pages ? (
        <Link href={href(query.page + 1)} className={link} rel="next">
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}
