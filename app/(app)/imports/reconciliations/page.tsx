import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { db } from "@/db/client";
import { ReconcileUploadForm } from "@/components/reconcile/ReconcileForms";
import { requirePermission } from "@/lib/auth/current-actor";
import { belligerents } from "@/lib/cases/vocabulary";
import { listReconciliations } from "@/lib/reconcile/queries";
import { createReconciliationAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reconcile"))("title") };
}

const accept = ".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export default async function ReconciliationsPage() {
  const actor = await requirePermission("case:record-response");
  const items = await listReconciliations(db(), actor);
  const t = await getTranslations("reconcile");
  const tb = await getTranslations("belligerents");
  const format = await getFormatter();
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      <section aria-labelledby="upload" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="upload" className="mb-2 text-lg font-semibold">
          {t("upload")}
        </h2>
        <ReconcileUploadForm action={createReconciliationAction} belligerents={belligerents.map((code) => ({ code, label: tb(code) }))} accept={accept} />
      </section>
      <section aria-labelledby="recent">
        <h2 id="recent" className="mb-2 text-lg font-semibold">
          {t("recent")}
        </h2>
        {items.length ? (
          <ul className="flex flex-col gap-1" data-testid="reconciliations">
            {items.map((r) => (
              <li key={r.id}>
                <Link href={`/imports/reconciliations/${r.id}`} className="text-sky-800 underline">
                  {r.fileName}
                </Link>{" "}
                <span className="text-slate-700">{t("tableFacts", { belligerent: tb(r.belligerent), rows: r.rows, date: format.dateTime(r.createdAt, { dateStyle: "medium" }) })}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("none")}</p>
        )}
      </section>
    </div>
  );
}
