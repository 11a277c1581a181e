import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { areaName } from "@/components/cases/place-names";
import type { Locale } from "@/lib/i18n/locales";
import { rowItemsMapped } from "@/lib/import/fields";
import type { ImportPreview } from "@/lib/import/preview";

/** What a commit would do: the counts, the first rows as they would be filed, and the problems by row and column. */
export async function PreviewResult({ preview, errorFileHref }: { preview: ImportPreview; errorFileHref: string }) {
  const t = await getTranslations("imports");
  const te = await getTranslations("errors");
  const tl = await getTranslations();
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const th = "py-2 pe-3 text-start font-semibold";
  const count = (n: number | null) => (n === null ? "?" : format.number(n));
  return (
    <div className="flex flex-col gap-4">
      <p data-testid="preview-counts" className="font-medium">
        {t("counts", {
          rows: preview.rows,
          toFile: format.number(preview.toFile),
          toUpdate: format.number(preview.toUpdate),
          unchanged: format.number(preview.unchanged),
          invalid: format.number(preview.invalidRows),
          setAside: format.number(preview.setAside.length),
        })}
      </p>
      {rowItemsMapped(preview.mapping) ? (
        <p data-testid="row-items-to-file">{t("inRows", { victims: preview.inRows.victims, sources: preview.inRows.sources })}</p>
      ) : null}
      {Object.keys(preview.duplicates).length ? (
        <p data-testid="duplicates-to-link">{t("duplicatesToLink", { count: Object.keys(preview.duplicates).length })}</p>
      ) : null}
      {preview.victims ? (
        <p data-testid="victims-to-file">{t("victimsToFile", { count: preview.victims.toFile, sheet: preview.victims.label })}</p>
      ) : null}
      {preview.firstRows.length ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm" data-testid="first-rows">
            <caption className="mb-1 text-start font-semibold">{t("firstRows")}</caption>
            <thead>
              <tr className="border-b border-slate-400 text-slate-700">
                <th scope="col" className={th}>{t("row")}</th>
                <th scope="col" className={th}>{t("date")}</th>
                <th scope="col" className={th}>{t("place")}</th>
                <th scope="col" className={th}>{t("killed")}</th>
                <th scope="col" className={th}>{t("stage")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.firstRows.map(({ row, input, stage, grading, answer }) => (
                <tr key={row} className="border-b border-slate-200">
                  <td className="py-1 pe-3 tabular-nums">{row}</td>
                  <td className="py-1 pe-3 whitespace-nowrap" dir="ltr">{input.incidentDateFrom}</td>
                  <td className="py-1 pe-3">
                    {[areaName(input.governoratePcode, locale), locale === "ar" ? (input.localityAr ?? input.localityEn) : (input.localityEn ?? input.localityAr)].filter(Boolean).join(" · ")}
                  </td>
                  <td className="py-1 pe-3 tabular-nums">
                    {input.killedMin === input.killedMax ? count(input.killedMin) : `${count(input.killedMin)}–${count(input.killedMax)}`}
                  </td>
                  <td className="py-1 pe-3">
                    {[tl(`stages.${stage}`), grading && tl(`gradings.${grading}`), answer && tl(`answers.${answer}`)].filter(Boolean).join(" · ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <section aria-labelledby="problems" className="flex flex-col gap-2">
        <h3 id="problems" className="font-semibold">
          {t("problems")}
        </h3>
        {preview.problemCount === 0 ? (
          <p data-testid="no-problems">{t("noProblems")}</p>
        ) : (
          <>
            {preview.problemCount > preview.problems.length ? (
              <p>{t("problemsShown", { shown: format.number(preview.problems.length), count: format.number(preview.problemCount) })}</p>
            ) : null}
            <p>
              <a href={errorFileHref} download className="text-sky-800 underline" data-testid="error-file">
                {t("errorFile")}
              </a>
            </p>
            {/* Focusable, so a keyboard can scroll a long list of problems. */}
            <div className="max-h-96 overflow-y-auto focus:outline-2 focus:outline-sky-700" tabIndex={0} role="region" aria-labelledby="problems">
              <table className="w-full border-collapse text-sm" data-testid="problems">
                <thead>
                  <tr className="border-b border-slate-400 text-slate-700">
                    <th scope="col" className={th}>{t("row")}</th>
                    <th scope="col" className={th}>{t("problemColumn")}</th>
                    <th scope="col" className={th}>{t("problem")}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.problems.map((p, i) => (
                    <tr key={i} className="border-b border-slate-200 align-top" data-testid="problem">
                      <td className="py-1 pe-3 tabular-nums">{p.sheet ? t("rowOfSheet", { sheet: p.sheet, row: p.row }) : p.row}</td>
                      <td className="py-1 pe-3">{p.column ?? ""}</td>
                      <td className="py-1 pe-3">{te.has(p.message) ? te(p.message, p.params) : te("invalid")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
