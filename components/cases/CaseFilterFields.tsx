import { getLocale, getTranslations } from "next-intl/server";
import type { CaseFilter } from "@/lib/cases/list-query";
import { belligerents, countries, gradings, stages } from "@/lib/cases/vocabulary";
import type { Locale } from "@/lib/i18n/locales";
import { countryAreas } from "@/lib/places/admin-areas";

export const filterControl = "rounded border border-slate-400 bg-white px-2 py-1.5 focus:outline-2 focus:outline-sky-700";

export function FilterField({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

/** The filters the case list and the accountability summaries share: stage, grading, belligerent, place and period. */
export async function CaseFilterFields({ filter: query }: { filter: CaseFilter }) {
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const control = filterControl;
  const field = (id: string, label: string, input: React.ReactNode) => <FilterField id={id} label={label}>{input}</FilterField>;
  return (
    <>
        {field(
          "filter-stage",
          t("cases.stage"),
          <select id="filter-stage" name="stage" defaultValue={query.stage[0] ?? ""} className={control}>
            <option value="">{t("cases.anyStage")}</option>
            {stages.map((s) => (
              <option key={s} value={s}>
                {t(`stages.${s}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          "filter-grading",
          t("cases.grading"),
          <select id="filter-grading" name="grading" defaultValue={query.grading[0] ?? ""} className={control}>
            <option value="">{t("cases.anyGrading")}</option>
            {gradings.map((g) => (
              <option key={g} value={g}>
                {t(`gradings.${g}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          "filter-belligerent",
          t("caseForm.belligerents"),
          <select id="filter-belligerent" name="belligerent" defaultValue={query.belligerent[0] ?? ""} className={control}>
            <option value="">{t("cases.anyBelligerent")}</option>
            {belligerents.map((b) => (
              <option key={b} value={b}>
                {t(`belligerents.${b}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          "filter-country",
          t("caseForm.country"),
          <select id="filter-country" name="country" defaultValue={query.country ?? ""} className={control}>
            <option value="">{t("cases.anyCountry")}</option>
            {countries.map((c) => (
              <option key={c} value={c}>
                {t(`countries.${c}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          "filter-governorate",
          t("caseForm.governorate"),
          <select id="filter-governorate" name="governorate" defaultValue={query.governorate ?? ""} className={control}>
            <option value="">{t("cases.anyGovernorate")}</option>
            {countryAreas.map((c) => (
              <optgroup key={c.pcode} label={t(`countries.${c.pcode}`)}>
                {c.governorates.map((g) => (
                  <option key={g.pcode} value={g.pcode}>
                    {locale === "ar" ? g.nameAr : g.nameEn}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>,
        )}
        {field("filter-from", `${t("cases.period")}: ${t("cases.from")}`, <input id="filter-from" name="from" type="date" defaultValue={query.from} className={control} />)}
        {field("filter-to", `${t("cases.period")}: ${t("cases.to")}`, <input id="filter-to" name="to" type="date" defaultValue={query.to} className={control} />)}
    </>
  );
}
