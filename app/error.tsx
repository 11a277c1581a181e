"use client";
import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errorPage");
  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col gap-3 px-4 py-16">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("body")}</p>
      <p>
        <button type="button" onClick={reset} className="rounded bg-sky-800 px-4 py-2 text-white">
          {t("retry")}
        </button>
      </p>
    </main>
  );
}
