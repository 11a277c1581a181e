import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { areaName } from "@/components/cases/place-names";
import { MappingTable } from "@/components/imports/MappingTable";
import { DecisionForm, RereadForm } from "@/components/reconcile/ReconcileForms";
import { requirePermission } from "@/lib/auth/current-actor";
import type { Locale } from "@/lib/i18n/locales";
import { evidenceRuntime } from "@/lib/evidence/runtime";
import { reconciliationReading, reconciliationView, type ReconciliationView } from "@/lib/reconcile/queries";
import { reconciliationFields } from "@/lib/reconcile/rows";
import { confirmMatchAction, noMatchAction, rereadReconciliationAction } from "../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ reconciliationId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requirePermission("case:record-response");
  const view = await reconciliationView(db(), actor, (await params).reconciliationId);
  return { title: view?.table.fileName ?? (await getTranslations("reconcile"))("title") };
}

type Row = ReconciliationView["rows"][number];

export default async function ReconciliationPage({ params }: Props) {
  const actor = await requirePermission("case:record-response");
  const { reconciliationId } = await params;
  const view = await reconciliationView(db(), actor, reconciliationId);
  if (!view) notFound();
  const t = await getTranslations("reconcile");
  const tl = await getTranslations();
  const te = await getTranslations("errors");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const { table, toDecide, unmatched, confirmed, counts } = view;
  const ti = await getTranslations("imports");
  const reading = await reconciliationReading(db(), (await evidenceRuntime()).store, actor, reconciliationId);
  const conceded = (r: Row) =>
    r.deathsConcededMin === null ? "" : r.deathsConcededMin === r.deathsConcededMax ? format.number(r.deathsConcededMin) : `${format.number(r.deathsConcededMin)}–${format.number(r.deathsConcededMax ?? 0)}`;
  const theirs = (r: Row) =>
    [r.theirReference, r.incidentDate, areaName(r.governoratePcode, locale), r.locality, tl(`answers.${r.answer}`), r.deathsConcededMin !== null ? t("conceded", { deaths: conceded(r) }) : null]
      .filter(Boolean)
      .join(" · ");

  return (
    <div className="flex flex-col gap-6">
      <div>
        <p>
          <Link href="/imports/reconciliations" className="text-sky-800 underline">
            {t("back")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold break-words">{table.fileName}</h1>
        <p className="text-slate-700">
          {t("facts", { belligerent: tl(`belligerents.${table.belligerent}`), rows: table.rows, days: table.windowDays, km: table.distanceKm, name: table.createdByName })}
        </p>
        <p data-testid="reconcile-counts" className="mt-2 font-medium">
          {t("counts", { proposed: counts.proposed, confirmed: counts.confirmed, unmatched: counts.unmatched, invalid: new Set(table.problems.map((p) => p.row)).size })}
        </p>
      </div>

      {reading && counts.confirmed + counts.noMatch === 0 ? (
        <details className="rounded-lg border border-slate-300 bg-white p-4" data-testid="their-reading">
          <summary className="cursor-pointer font-semibold">{t("howRead")}</summary>
          <p className="my-2 text-sm text-slate-700">{t("howReadHelp")}</p>
          <RereadForm action={rereadReconciliationAction.bind(null, reconciliationId)}>
            <label className="flex flex-col gap-1 text-sm font-medium">
              {ti("dateOrder")}
              <select name="dateOrder" defaultValue={reading.dateOrder} className="w-fit rounded border border-slate-400 bg-white px-2 py-1 text-base focus:outline-2 focus:outline-sky-700">
                <option value="dmy">{ti("dmy")}</option>
                <option value="mdy">{ti("mdy")}</option>
              </select>
            </label>
            <MappingTable caption={t("howRead")} headers={reading.headers} examples={reading.examples} mapping={reading.mapping} fields={reconciliationFields} prefix="m." testId="their-mapping" />
          </RereadForm>
        </details>
      ) : null}

      <section aria-labelledby="to-decide" className="flex flex-col gap-3">
        <h2 id="to-decide" className="text-lg font-semibold">
          {t("toDecide")}
        </h2>
        {toDecide.length === 0 ? <p>{t("nothingToDecide")}</p> : null}
        {toDecide.map((r) => (
          <article key={r.id} className="rounded-lg border border-slate-300 bg-white p-4" data-testid="their-row" aria-label={t("rowLabel", { row: r.rowNumber })}>
            <h3 className="font-semibold">
              {t("rowLabel", { row: r.rowNumber })}: <span className="font-normal">{theirs(r)}</span>
            </h3>
            <table className="mt-2 w-full border-collapse text-sm">
              <caption className="sr-only">{t("proposals")}</caption>
              <thead>
                <tr className="border-b border-slate-400 text-slate-700">
                  <th scope="col" className="py-2 pe-3 text-start">{t("ourAllegation")}</th>
                  <th scope="col" className="py-2 pe-3 text-start">{t("evidence")}</th>
                  <th scope="col" className="py-2 pe-3 text-start">{t("decide")}</th>
                </tr>
              </thead>
              <tbody>
                {r.proposals.map((p) => (
                  <tr key={p.caseId} className="border-b border-slate-200 align-top" data-testid="proposal">
                    <td className="py-1 pe-3">
                      <Link href={`/cases/${p.caseId}`} className="text-sky-800 underline">
                        {p.reference}
                      </Link>{" "}
                      {p.title}
                      <div className="text-slate-600">
                        {p.incidentDateFrom} · {areaName(p.governoratePcode, locale)} · {tl(`stages.${p.stage}`)}
                      </div>
                    </td>
                    <td className="py-1 pe-3">
                      {[
                        p.daysApart === 0 ? t("sameDates") : t("daysApart", { days: p.daysApart }),
                        p.sameGovernorate ? t("sameGovernorate") : null,
                        p.km !== null ? t("kmApart", { km: format.number(p.km) }) : null,
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </td>
                    <td className="py-1 pe-3">
                      <DecisionForm action={confirmMatchAction.bind(null, table.id, r.id, p.caseId)} label={t("confirm", { reference: p.reference })} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="mt-2">
              <DecisionForm action={noMatchAction.bind(null, table.id, r.id)} label={t("noMatch")} variant="secondary" />
            </div>
          </article>
        ))}
      </section>

      <section aria-labelledby="unmatched" className="flex flex-col gap-2">
        <h2 id="unmatched" className="text-lg font-semibold">
          {t("unmatched")}
        </h2>
        <p className="text-sm text-slate-700">{t("unmatchedHelp")}</p>
        <ul className="flex list-disc flex-col gap-1 ps-6" data-testid="unmatched">
          {unmatched.map((r) => (
            <li key={r.id}>
              {t("rowLabel", { row: r.rowNumber })}: {theirs(r)}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="confirmed" className="flex flex-col gap-2">
        <h2 id="confirmed" className="text-lg font-semibold">
          {t("confirmed")}
        </h2>
        <ul className="flex list-disc flex-col gap-1 ps-6" data-testid="confirmed">
          {confirmed.map((r) => (
            <li key={r.id}>
              {t("rowLabel", { row: r.rowNumber })}: {theirs(r)} →{" "}
              <Link href={`/cases/${r.caseId}`} className="text-sky-800 underline">
                {r.confirmedReference}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      {table.problems.length ? (
        <section aria-labelledby="left-out" className="flex flex-col gap-2">
          <h2 id="left-out" className="text-lg font-semibold">
            {t("leftOut")}
          </h2>
          <ul className="flex list-disc flex-col gap-1 ps-6" data-testid="reconcile-problems">
            {table.problems.map((p, i) => (
              <li key={i}>
                {t("rowLabel", { row: p.row })}
                {p.column ? ` (${p.column})` : ""}: {te.has(p.message) ? te(p.message, p.params) : te("invalid")}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
