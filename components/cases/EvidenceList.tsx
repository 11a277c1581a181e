import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { FormState } from "@/lib/form-state";
import { formatBytes } from "@/lib/evidence/format";
import { EvidenceRemoveForm } from "./EvidenceRemoveForm";
import { EvidenceUpload } from "./EvidenceUpload";

export type EvidenceItem = {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  description: string | null;
  addedByName: string;
  addedAt: Date;
  mayRemove: boolean;
};

type RemoveAction = (caseId: string, evidenceId: string, state: FormState, formData: FormData) => Promise<FormState>;

/** A case's evidence files with what fixes each one (size, type, SHA-256, who and when), and the upload form. */
export function EvidenceList({
  caseId,
  files,
  mayAdd,
  maxBytes,
  accept,
  removeAction,
}: {
  caseId: string;
  files: EvidenceItem[];
  mayAdd: boolean;
  maxBytes: number;
  accept: string;
  removeAction: RemoveAction;
}) {
  const t = useTranslations("evidence");
  const format = useFormatter();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-4">
      {files.length === 0 ? <p className="text-slate-700">{t("noneYet")}</p> : null}
      <ul className="flex flex-col gap-3" data-testid="evidence-list">
        {files.map((f) => (
          <li key={f.id} className="rounded border border-slate-200 p-3" data-testid="evidence-item">
            <p className="font-medium break-all">
              <bdi>{f.fileName}</bdi>
            </p>
            {f.description ? (
              <p className="whitespace-pre-line" dir="auto">
                {f.description}
              </p>
            ) : null}
            <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-600">{t("mediaType")}</dt>
              <dd>
                <span className="font-mono" dir="ltr">
                  {f.mediaType}
                </span>
              </dd>
              <dt className="text-slate-600">{t("size")}</dt>
              <dd>{f.sizeBytes < 1024 ? t("bytes", { count: f.sizeBytes }) : `${formatBytes(f.sizeBytes, locale)} (${t("bytes", { count: f.sizeBytes })})`}</dd>
              <dt className="text-slate-600">{t("sha256")}</dt>
              <dd className="min-w-0">
                <span className="font-mono break-all" dir="ltr" data-testid="evidence-sha256">
                  {f.sha256}
                </span>
              </dd>
              <dt className="text-slate-600">{t("added")}</dt>
              <dd>{t("addedBy", { name: f.addedByName, date: format.dateTime(f.addedAt, { dateStyle: "medium", timeStyle: "short" }) })}</dd>
            </dl>
            <div className="mt-2 flex flex-wrap items-start gap-4">
              <a
                href={`/api/cases/${caseId}/evidence/${f.id}`}
                download={f.fileName}
                className="text-sky-800 underline"
                aria-label={t("downloadNamed", { name: f.fileName })}
              >
                {t("download")}
              </a>
              {f.mayRemove ? <EvidenceRemoveForm action={removeAction.bind(null, caseId, f.id)} fileName={f.fileName} /> : null}
            </div>
          </li>
        ))}
      </ul>
      {mayAdd ? (
        <section aria-labelledby={`evidence-add-${caseId}`} className="rounded border border-slate-300 p-3">
          <h3 id={`evidence-add-${caseId}`} className="mb-3 font-medium">
            {t("add")}
          </h3>
          <EvidenceUpload caseId={caseId} maxBytes={maxBytes} accept={accept} />
        </section>
      ) : null}
    </div>
  );
}
