import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db, sharesConnections } from "@/db/client";
import { CommitForm, StopForm, TemplateForm, UndoForm } from "@/components/imports/ImportForms";
import { ImportProgress } from "@/components/imports/ImportProgress";
import { ImportUpload } from "@/components/imports/ImportUpload";
import { PreviewResult } from "@/components/imports/PreviewResult";
import { ReadingForm } from "@/components/imports/ReadingForm";
import { requirePermission } from "@/lib/auth/current-actor";
import { formatBytes } from "@/lib/evidence/format";
import { evidenceRuntime } from "@/lib/evidence/runtime";
import { IMPORT_ACCEPT, IMPORT_MAX_BYTES } from "@/lib/import/jobs";
import { backgroundPreview } from "@/lib/import/preview-jobs";
import { filedByImport, readImportState } from "@/lib/import/queries";
import { queryOfReading, readingFromQuery } from "@/lib/import/reading-query";
import { cancelImportAction, saveTemplateAction, startImportAction, undoImportAction } from "../actions";

type Props = { params: Promise<{ importId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requirePermission("case:import");
  const state = await readImportState(db(), actor, (await params).importId);
  return { title: state?.fileName ?? (await getTranslations("imports"))("title") };
}

export default async function ImportPage({ params, searchParams }: Props) {
  const actor = await requirePermission("case:import");
  const { importId } = await params;
  const state = await readImportState(db(), actor, importId);
  if (!state) notFound();
  const t = await getTranslations("imports");
  const te = await getTranslations("errors");
  const format = await getFormatter();
  const locale = await getLocale();
  const open = state.status === "uploaded" || state.status === "interrupted";

  return (
    <div className="flex flex-col gap-6">
      <div>
        <p>
          <Link href="/imports" className="text-sky-800 underline">
            {t("back")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold break-words">{state.fileName}</h1>
        <p className="text-slate-700">
          {t("fileFacts", { size: formatBytes(state.fileSize, locale), name: state.createdByName, date: format.dateTime(state.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}
        </p>
        <p className="font-mono text-xs break-all text-slate-600" dir="ltr">
          SHA-256 {state.fileSha256}
        </p>
        <p className="mt-2">
          <span className="rounded bg-slate-200 px-2 py-0.5 font-medium" data-testid="import-status">
            {t(`status.${state.status}`)}
          </span>
        </p>
      </div>

      {state.status === "running" ? (
        <section aria-labelledby="progress" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="progress" className="text-lg font-semibold">{t("progress")}</h2>
          <ImportProgress done={state.progressDone} total={state.progressTotal} observed={sharesConnections(db())} />
          {state.cancelRequested ? (
            <p role="status">{t("cancelRequested")}</p>
          ) : (
            <StopForm action={cancelImportAction.bind(null, importId)} label={t("cancel")} help={t("commitHelp")} />
          )}
        </section>
      ) : null}
      {state.status === "interrupted" ? <p role="alert" className="rounded border border-amber-700 bg-amber-50 px-3 py-2">{t("interrupted")}</p> : null}
      {state.status === "failed" ? <p role="alert" className="rounded border border-red-700 bg-red-50 px-3 py-2">{t("failed", { reason: te.has(state.failure ?? "") ? te(state.failure!) : te("unexpected") })}</p> : null}
      {state.status === "cancelled" ? <p role="status">{t("cancelled")}</p> : null}
      {state.status === "undone" ? <p role="status">{t("undone")}</p> : null}
      {state.status === "committed" ? <CommittedSummary importId={importId} counts={state} /> : null}
      {open ? <OpenImport importId={importId} query={await searchParams} /> : null}
    </div>
  );
}

async function CommittedSummary({ importId, counts }: { importId: string; counts: { created: number; updated: number; skipped: number; invalid: number } }) {
  const actor = await requirePermission("case:import");
  const t = await getTranslations("imports");
  const format = await getFormatter();
  const filed = await filedByImport(db(), actor, importId);
  return (
    <section aria-labelledby="outcome" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="outcome" className="text-lg font-semibold">{t("filed")}</h2>
      <p role="status" data-testid="import-outcome">
        {t("committed", { created: counts.created, updated: format.number(counts.updated), skipped: format.number(counts.skipped), invalid: counts.invalid })}
      </p>
      {filed.length ? (
        <ul className="list-disc ps-6" data-testid="filed-cases">
          {filed.map((c) => (
            <li key={c.id}>
              <Link href={`/cases/${c.id}`} className="text-sky-800 underline">
                <span dir="ltr">{c.reference}</span>
              </Link>{" "}
              {c.title}
            </li>
          ))}
        </ul>
      ) : null}
      {counts.invalid ? (
        <p>
          <a href={`/imports/${importId}/errors`} download className="text-sky-800 underline" data-testid="error-file">
            {t("errorFile")}
          </a>
        </p>
      ) : null}
      <UndoForm action={undoImportAction.bind(null, importId)} />
    </section>
  );
}

/** An import not yet committed: how the file is read, what a commit would do, and the ways on. */
async function OpenImport({ importId, query }: { importId: string; query: Record<string, string | string[] | undefined> }) {
  const actor = await requirePermission("case:import");
  const t = await getTranslations("imports");
  const te = await getTranslations("errors");
  const { store } = await evidenceRuntime();
  const asked = readingFromQuery(query);
  const preview = await backgroundPreview(db(), store, actor, importId, asked);
  if (!preview.ok) {
    const fields = Object.entries(preview.fieldErrors ?? {}).flatMap(([, keys]) => keys);
    return (
      <div role="alert" className="rounded border border-red-700 bg-red-50 px-3 py-2 text-red-900" data-testid="preview-refused">
        <p>{te.has(preview.error) ? te(preview.error, preview.params) : te("unexpected")}</p>
        {fields.map((k) => (
          <p key={k}>{te.has(k) ? te(k) : te("invalid")}</p>
        ))}
        <p>
          <Link href={`/imports/${importId}`} className="underline">
            {t("checkAgain")}
          </Link>
        </p>
      </div>
    );
  }
  if (preview.value.status === "running") {
    return (
      <section aria-labelledby="checking" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="checking" className="text-lg font-semibold">{t("checking")}</h2>
        <ImportProgress done={preview.value.done} total={preview.value.total} observed checking />
        <p className="text-sm text-slate-700">{t("checkingHelp")}</p>
      </section>
    );
  }
  const p = preview.value.preview;
  const reading = { sheet: p.sheet, mapping: p.mapping, rules: p.rules, skip: p.setAside, duplicates: p.duplicates };
  const readingJson = JSON.stringify(reading);
  return (
    <>
      <section aria-labelledby="victims-file" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="victims-file" className="text-lg font-semibold">{t("victimsFileTitle")}</h2>
        <p className="text-sm text-slate-700">{t("victimsFileHelp")}</p>
        {p.victimsFile ? <p data-testid="victims-file-kept">{t("victimsFileKept", { name: p.victimsFile.name })}</p> : null}
        <ImportUpload maxBytes={IMPORT_MAX_BYTES} accept={IMPORT_ACCEPT} victimsOf={importId} />
      </section>
      <section aria-labelledby="reading" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="reading" className="text-lg font-semibold">{t("reading")}</h2>
        <ReadingForm preview={p} rules={p.rules} />
      </section>
      <section aria-labelledby="preview" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="preview" className="text-lg font-semibold">{t("preview")}</h2>
        <PreviewResult preview={p} errorFileHref={`/imports/${importId}/errors?${queryOfReading(reading)}`} />
        {p.toFile + p.toUpdate > 0 ? (
          <CommitForm action={startImportAction.bind(null, importId)} reading={readingJson} count={p.toFile + p.toUpdate} />
        ) : (
          <p>{t("nothingToFile")}</p>
        )}
      </section>
      <section aria-labelledby="template" className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="template" className="text-lg font-semibold">{t("saveTemplate")}</h2>
        <TemplateForm action={saveTemplateAction} reading={readingJson} headers={JSON.stringify(p.headers)} suggestedName={p.template?.name ?? ""} />
      </section>
      <StopForm action={cancelImportAction.bind(null, importId)} label={t("putAside")} help={t("putAsideHelp")} />
    </>
  );
}
