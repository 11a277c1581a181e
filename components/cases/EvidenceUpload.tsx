"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { formatBytes } from "@/lib/evidence/format";

type Uploaded = { fileName: string; sha256: string };
type State =
  | { status: "idle" }
  | { status: "uploading"; fileName: string; loaded: number; total: number }
  | { status: "error"; message: string; fieldMessages?: Record<string, string[]> }
  | { status: "done"; file: Uploaded };

/**
 * Uploads one file to the streaming route (the bytes as the request body), showing progress and
 * the server's answer beside the field. The server decides everything; the checks here only spare
 * a long upload that would be refused for its size.
 */
export function EvidenceUpload({ caseId, maxBytes, accept }: { caseId: string; maxBytes: number; accept: string }) {
  const t = useTranslations("evidence");
  const te = useTranslations("errors");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const request = useRef<XMLHttpRequest | null>(null);
  const [state, setState] = useState<State>({ status: "idle" });
  const max = formatBytes(maxBytes, locale);
  const busy = state.status === "uploading";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    const description = String(data.get("description") ?? "");
    if (!(file instanceof File) || file.name === "") return setState({ status: "error", message: t("chooseFile") });
    if (file.size === 0) return setState({ status: "error", message: te("evidenceEmpty") });
    if (file.size > maxBytes) return setState({ status: "error", message: te("evidenceTooLarge", { max }) });

    const xhr = new XMLHttpRequest();
    request.current = xhr;
    xhr.open("POST", `/api/cases/${encodeURIComponent(caseId)}/evidence`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    if (description.trim()) xhr.setRequestHeader("X-Description", encodeURIComponent(description));
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => setState({ status: "uploading", fileName: file.name, loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onload = () => {
      request.current = null;
      const body = xhr.response as { message?: string; fieldErrors?: Record<string, string[]>; fileName?: string; sha256?: string } | null;
      if (xhr.status === 201 && body?.fileName && body.sha256) {
        form.current?.reset();
        setState({ status: "done", file: { fileName: body.fileName, sha256: body.sha256 } });
        router.refresh();
      } else {
        setState({ status: "error", message: body?.message ?? te("unexpected"), fieldMessages: body?.fieldErrors });
      }
    };
    xhr.onerror = () => {
      request.current = null;
      setState({ status: "error", message: t("connectionLost") });
    };
    xhr.onabort = () => {
      request.current = null;
      setState({ status: "error", message: t("cancelled") });
    };
    setState({ status: "uploading", fileName: file.name, loaded: 0, total: file.size });
    xhr.send(file);
  }

  const fileError = state.status === "error" ? [state.message, ...(state.fieldMessages?.fileName ?? [])] : [];
  const descriptionError = state.status === "error" ? state.fieldMessages?.description : undefined;
  const percent = state.status === "uploading" && state.total > 0 ? Math.floor((state.loaded / state.total) * 100) : 0;
  return (
    <form ref={form} onSubmit={onSubmit} noValidate aria-label={t("upload")} className="flex flex-col gap-3" data-testid="evidence-upload">
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-file`} className="text-sm font-medium text-slate-800">
          {t("file")}
        </label>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          accept={accept}
          disabled={busy}
          aria-invalid={fileError.length ? true : undefined}
          aria-describedby={`${id}-file-help${fileError.length ? ` ${id}-file-error` : ""}`}
          className="rounded border border-slate-400 px-3 py-2 text-base file:me-3 file:rounded file:border-0 file:bg-slate-200 file:px-3 file:py-1 focus:outline-2 focus:outline-offset-1 focus:outline-sky-700 aria-invalid:border-red-700"
        />
        <p id={`${id}-file-help`} className="text-sm text-slate-600">
          {t("fileHelp", { max })}
        </p>
        {fileError.length ? (
          // The alert role goes on a wrapper: on the list itself it would hide the list from assistive technology.
          <div id={`${id}-file-error`} role="alert">
            <ul className="text-sm text-red-800">
              {fileError.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-description`} className="text-sm font-medium text-slate-800">
          {t("description")}
        </label>
        <textarea
          id={`${id}-description`}
          name="description"
          maxLength={1000}
          disabled={busy}
          aria-invalid={descriptionError?.length ? true : undefined}
          aria-describedby={`${id}-description-help${descriptionError?.length ? ` ${id}-description-error` : ""}`}
          className="min-h-20 rounded border border-slate-400 px-3 py-2 text-base focus:outline-2 focus:outline-sky-700 aria-invalid:border-red-700"
        />
        <p id={`${id}-description-help`} className="text-sm text-slate-600">
          {t("descriptionHelp")}
        </p>
        {descriptionError?.length ? (
          <ul id={`${id}-description-error`} className="text-sm text-red-800">
            {descriptionError.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <div aria-live="polite" className="flex flex-col gap-2">
        {state.status === "uploading" ? (
          <>
            <progress max={100} value={percent} aria-labelledby={`${id}-progress`} className="w-full" />
            <p id={`${id}-progress`} className="text-sm">
              {t("uploading", { name: state.fileName, percent })}
            </p>
          </>
        ) : null}
        {state.status === "done" ? (
          <p role="status" className="rounded border border-emerald-700 bg-emerald-50 px-3 py-2 text-emerald-900" data-testid="evidence-uploaded">
            {t("uploaded", { name: state.file.fileName })}{" "}
            <span className="block break-all font-mono text-sm" dir="ltr">
              SHA-256 {state.file.sha256}
            </span>
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          disabled={busy}
          aria-disabled={busy}
          className="rounded bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900 focus:outline-2 focus:outline-offset-2 focus:outline-sky-700 disabled:opacity-70"
        >
          {busy ? t("working") : t("upload")}
        </button>
        {busy ? (
          <button
            type="button"
            onClick={() => request.current?.abort()}
            className="rounded border border-slate-500 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-sky-700"
          >
            {t("cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
