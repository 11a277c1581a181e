import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { harmRanges } from "@/lib/cases/harm";
import type { CaseDetail } from "@/lib/cases/queries";
import { formatRange, incidentDateText } from "./format";
import { areaName } from "./place-names";

/** The allegation at a glance: when, where, who, how and what harm. */
export async function CaseSummary({ c }: { c: CaseDetail }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const unknown = t("cases.unknown");
  const list = (items: string[], ns: string) => (items.length ? items.map((i) => t(`${ns}.${i}`)).join(locale === "ar" ? "، " : ", ") : "—");
  const both = (en: string | null, ar: string | null) => [en, ar].filter(Boolean).join(" / ") || "—";
  const rows: [string, React.ReactNode][] = [
    [t("cases.incidentDate"), incidentDateText(format, c)],
    [t("caseForm.country"), t(`countries.${c.country}`)],
    [t("caseForm.governorate"), areaName(c.governoratePcode, locale)],
    [t("caseForm.district"), c.districtPcode ? areaName(c.districtPcode, locale) : "—"],
    [t("caseForm.locality"), both(c.localityEn, c.localityAr)],
    [t("caseForm.neighbourhood"), both(c.neighbourhoodEn, c.neighbourhoodAr)],
    [
      t("caseForm.coordinates"),
      c.latitude !== null && c.longitude !== null ? (
        <span dir="ltr">
          {c.latitude}, {c.longitude}
          {c.locationAccuracy ? ` (${t(`locationAccuracy.${c.locationAccuracy}`)})` : ""}
        </span>
      ) : (
        "—"
      ),
    ],
    [t("caseForm.belligerents"), list(c.belligerents, "belligerents")],
    [t("caseForm.means"), list(c.means, "means")],
    [t("caseForm.civilianObjects"), list(c.civilianObjects, "civilianObjects")],
    [t("caseForm.incendiaryWeapons"), c.incendiaryWeapons ? "✓" : "—"],
    [t("caseForm.detentions"), c.detentions ?? unknown],
    [t("caseForm.displaced"), c.displaced ?? unknown],
    [t("caseForm.externalCodes"), c.externalCodes.length ? <span dir="ltr">{c.externalCodes.join(", ")}</span> : "—"],
    [t("caseForm.tags"), c.tags.length ? c.tags.join(", ") : "—"],
  ];
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-700">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <table className="h-fit text-sm" data-testid="harm-table">
        <caption className="mb-1 text-start font-semibold">{t("caseForm.harm")}</caption>
        <tbody>
          {harmRanges.map((range) => (
            <tr key={range} className="border-b border-slate-200">
              <th scope="row" className="py-1 pe-4 text-start font-medium text-slate-700">
                {t(`harm.${range}`)}
              </th>
              <td className="py-1" dir="ltr">
                {formatRange(c[`${range}Min`], c[`${range}Max`], unknown)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
