import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { db } from "@/db/client";
import { AuditFilters } from "@/components/audit/AuditFilters";
import { AuditTable } from "@/components/audit/AuditTable";
import { VerifyForm } from "@/components/audit/VerifyForm";
import { filtersOf, parseAuditQuery } from "@/lib/audit/filters";
import { listAuditEvents } from "@/lib/audit/queries";
import { lastVerification } from "@/lib/audit/verify";
import { requirePermission } from "@/lib/auth/current-actor";
import { verifyChainAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission("audit:read");
  const query = parseAuditQuery(await searchParams);
  const filters = filtersOf(query);
  const [{ items, nextBefore }, verification] = await Promise.all([
    listAuditEvents(db(), actor, filters, { before: query.before }),
    lastVerification(db(), actor),
  ]);
  const t = await getTranslations("audit");
  const format = await getFormatter();
  const withFilters = (extra: Record<string, string>) => `?${new URLSearchParams({ ...(filters as Record<string, string>), ...extra })}`;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      <section aria-labelledby="verification" className="rounded-lg border border-slate-300 bg-white p-4" data-testid="verification">
        <h2 id="verification" className="mb-2 text-lg font-semibold">
          {t("verification")}
        </h2>
        <p className="mb-3 text-sm text-slate-700">{t("verificationHelp")}</p>
        <p className="mb-3" data-testid="last-verification">
          {verification
            ? verification.ok
              ? t("lastOk", { date: format.dateTime(verification.at, { dateStyle: "medium", timeStyle: "medium" }), name: verification.byLabel, events: verification.events })
              : t("lastBroken", {
                  date: format.dateTime(verification.at, { dateStyle: "medium", timeStyle: "medium" }),
                  name: verification.byLabel,
                  id: String(verification.brokenId),
                  problem: t(`problem.${verification.problem}`),
                })
            : t("neverVerified")}
        </p>
        {verification && !verification.ok && verification.detail ? (
          <p className="mb-3 rounded border border-red-700 bg-red-50 px-3 py-2 font-mono text-sm text-red-900 break-words" dir="ltr">
            {verification.detail}
          </p>
        ) : null}
        <VerifyForm action={verifyChainAction} />
      </section>
      <section aria-labelledby="events" className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="events" className="text-lg font-semibold">
          {t("events")}
        </h2>
        <AuditFilters filters={filters} />
        <div className="flex flex-wrap gap-3" data-testid="audit-exports">
          <a href={`/audit/export${withFilters({ format: "csv" })}`} className="rounded border border-slate-500 px-3 py-1.5 hover:bg-slate-100" download>
            {t("exportCsv")}
          </a>
          <a href={`/audit/export${withFilters({ format: "jsonl" })}`} className="rounded border border-slate-500 px-3 py-1.5 hover:bg-slate-100" download>
            {t("exportJsonl")}
          </a>
          <p className="text-sm text-slate-600">{t("exportHelp")}</p>
        </div>
        {items.length ? <div className="overflow-x-auto"><AuditTable items={items} /></div> : <p>{t("none")}</p>}
        <nav aria-label={t("paging")} className="flex gap-3">
          {query.before ? (
            <Link href={`/audit${withFilters({})}`} className="text-sky-800 underline">
              {t("newest")}
            </Link>
          ) : null}
          {nextBefore ? (
            <Link href={`/audit${withFilters({ before: String(nextBefore) })}`} className="text-sky-800 underline" data-testid="older">
              {t("older")}
            </Link>
          ) : null}
        </nav>
      </section>
    </div>
  );
}
