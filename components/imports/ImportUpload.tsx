"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { formatBytes } from "@/lib/evidence/format";

type State = { status: "idle" } | { status: "uploading"; fileName: string; percent: number } | { status: "error"; message: string };

/**
 * Uploads a file to keep (the bytes as the request body): an import's file, then opens its preview;
 * or, with `victimsOf`, the victims file of that import, then shows its preview again.
 */
export function ImportUpload({ maxBytes, accept, victimsOf }: { maxBytes: number; accept: string; victimsOf?: string }) {
  const t = useTranslations("imports");
  const te = useTranslations("errors");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [state, setState] = useState<State>({ status: "idle" });
  const max = formatBytes(maxBytes, locale);
  const busy = state.status === "uploading";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const file = new FormData(event.currentTarget).get("file");
    if (!(file instanceof File) || file.name === "") return setState({ status: "error", message: t("chooseFile") });
    if (file.size > maxBytes) return setState({ status: "error", message: te("importTooLarge", { maxMegabytes: Math.floor(maxBytes / 1024 / 1024) }) });
    const xhr = new XMLHttpRequest();
    xhr.open("POST", victimsOf ? `/api/imports/${victimsOf}/victims` : "/api/imports");
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => setState({ status: "uploading", fileName: file.name, percent: e.lengthComputable ? Math.floor((e.loaded / e.total) * 100) : 0 });
    xhr.onload = () => {
      const body = xhr.response as { id?: string; message?: string } | null;
      if (xhr.status === 201 && body?.id && victimsOf) {
        setState({ status: "idle" });
        router.refresh();
      } else if (xhr.status === 201 && body?.id) router.push(`/imports/${body.id}`);
      else setState({ status: "error", message: body?.message ?? te("unexpected") });
    };
    xhr.onerror = () => setState({ status: "error", message: t("connectionLost") });
    setState({ status: "uploading", fileName: file.name, percent: 0 });
    xhr.send(file);
  }

  const error = state.status === "error" ? state.message : null;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={victimsOf ? t("uploadVictimsFile") : t("upload")}
      className="flex flex-col gap-3"
      data-testid={victimsOf ? "victims-file-upload" : "import-upload"}
    >
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-file`} className="text-sm font-medium text-slate-800">
          {victimsOf ? t("victimsFile") : t("file")}
        </label>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          accept={accept}
          disabled={busy}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-help${error ? ` ${id}-error` : ""}`}
          className="rounded border border-slate-400 px-3 py-2 text-base file:me-3 file:rounded file:border-0 file:bg-slate-200 file:px-3 file:py-1 focus:outline-2 focus:outline-offset-1 focus:outline-sky-700 aria-invalid:border-red-700"
        />
        <p id={`${id}-help`} className="text-sm text-slate-600">
          {t("fileHelp", { max })}
        </p>
        {error ? (
          <p id={`${id}-error`} role="alert" className="text-sm text-red-800">
            {error}
          </p>
        ) : null}
      </div>
      <div aria-live="polite">
        {state.status === "uploading" ? (
          <>
            <progress max={100} value={state.percent} aria-labelledby={`${id}-progress`} className="w-full" />
            <p id={`${id}-progress`} className="text-sm">
              {t("uploading", { name: state.fileName, percent: state.percent })}
            </p>
          </>
        ) : null}
      </div>
      <div>
        <button
          type="submit"
          disabled={busy}
          aria-disabled={busy}
          className="rounded bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900 focus:outline-2 focus:outline-offset-2 focus:outline-sky-700 disabled:opacity-70"
        >
          {busy ? t("working") : victimsOf ? t("uploadVictimsFile") : t("upload")}
        </button>
      </div>
    </form>
  );
}
