import { getConfig } from "@/lib/config";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { db } from "@/db/client";
import { CaseFilters } from "@/components/cases/CaseFilters";
import { CaseTable } from "@/components/cases/CaseTable";
import { Pagination } from "@/components/cases/Pagination";
import { can } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/current-actor";
import { parseCaseListQuery } from "@/lib/cases/list-query";
import { listCases } from "@/lib/cases/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cases"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CasesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission("case:read");
  const query = parseCaseListQuery(await searchParams);
  const { items, total } = await listCases(db(), actor, query, { overdueDays: getConfig().overdueDays });
  const t = await getTranslations("cases");
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="text-slate-700">{t("intro")}</p>
        </div>
        {can(actor, "case:create") ? (
          <Link href="/cases/new" className="rounded bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900">
            {t("new")}
          </Link>
        ) : null}
      </div>
      <section aria-labelledby="filters-heading" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="filters-heading" className="sr-only">
          {t("filters")}
        </h2>
        <CaseFilters query={query} overdueDays={getConfig().overdueDays} />
      </section>
      <section aria-labelledby="results-heading" className="flex flex-col gap-3 overflow-x-auto rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="results-heading" className="text-lg font-semibold" aria-live="polite">
          {t("results", { total })}
        </h2>
        {items.length ? <CaseTable items={items} /> : null}
        <Pagination query={query} total={total} />
      </section>
    </div>
  );
}
