import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { db } from "@/db/client";
import { ImportTable } from "@/components/imports/ImportTable";
import { ImportUpload } from "@/components/imports/ImportUpload";
import { requirePermission } from "@/lib/auth/current-actor";
import { roleHas } from "@/lib/auth/permissions";
import { IMPORT_ACCEPT, IMPORT_MAX_BYTES } from "@/lib/import/jobs";
import { listImports } from "@/lib/import/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("title") };
}


export default async function ImportsPage() {
  const actor = await requirePermission("case:import");
  const items = await listImports(db(), actor);
  const t = await getTranslations("imports");
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        {roleHas(actor.role, "case:record-response") ? (
          <p className="mt-1">
            <Link href="/imports/reconciliations" className="text-sky-800 underline">
              {t("reconcileLink")}
            </Link>
          </p>
        ) : null}
      </div>
      <section aria-labelledby="upload" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="upload" className="mb-2 text-lg font-semibold">
          {t("upload")}
        </h2>
        <ImportUpload maxBytes={IMPORT_MAX_BYTES} accept={IMPORT_ACCEPT} />
      </section>
      <section aria-labelledby="recent">
        <h2 id="recent" className="mb-2 text-lg font-semibold">
          {t("recent")}
        </h2>
        <ImportTable items={items} />
      </section>
    </div>
  );
}
