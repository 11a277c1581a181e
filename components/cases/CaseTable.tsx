import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { Locale } from "@/lib/i18n/locales";
import type { CaseListItem } from "@/lib/cases/queries";
import { areaName } from "./place-names";
import { formatRange, incidentDateText } from "./format";

export async function CaseTable({ items }: { items: CaseListItem[] }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const th = "py-2 pe-3 text-start font-semibold";
  return (
    <table className="w-full border-collapse text-sm">
      <caption className="sr-only">{t("cases.tableCaption")}</caption>
      <thead>
        <tr className="border-b border-slate-400 text-slate-700">
          <th scope="col" className={th}>{t("cases.reference")}</th>
          <th scope="col" className={th}>{t("cases.caseTitle")}</th>
          <th scope="col" className={th}>{t("cases.incidentDate")}</th>
          <th scope="col" className={th}>{t("cases.place")}</th>
          <th scope="col" className={th}>{t("cases.stage")}</th>
          <th scope="col" className={th}>{t("cases.killed")}</th>
          <th scope="col" className={th}>{t("cases.updated")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((c) => (
          <tr key={c.id} className="border-b border-slate-200 align-top" data-testid="case-row">
            <td className="py-2 pe-3 whitespace-nowrap">
              <Link href={`/cases/${c.id}`} className="font-medium text-sky-800 underline">
                <span dir="ltr">{c.reference}</span>
              </Link>
            </td>
            <td className="py-2 pe-3">{c.title}</td>
            <td className="py-2 pe-3 whitespace-nowrap">{incidentDateText(format, c)}</td>
            <td className="py-2 pe-3">
              {[locale === "ar" ? c.localityAr || c.localityEn : c.localityEn || c.localityAr, areaName(c.governoratePcode, locale)]
                .filter(Boolean)
                .join(locale === "ar" ? "، " : ", ")}
            </td>
            <td className="py-2 pe-3">
              {t(`stages.${c.stage}`)}
              {c.grading ? <span className="block text-xs text-slate-600">{t(`gradings.${c.grading}`)}</span> : null}
              {c.closingReason ? <span className="block text-xs text-slate-600">{t(`closingReasons.${c.closingReason}`)}</span> : null}
              {c.overdue ? (
                <span className="mt-1 inline-block rounded bg-red-100 px-2 text-xs font-medium text-red-900" data-testid="overdue">
                  {t("lifecycle.overdue")}
                </span>
              ) : null}
            </td>
            <td className="py-2 pe-3 whitespace-nowrap">{formatRange(c.killedMin, c.killedMax, t("cases.unknown"))}</td>
            <td className="py-2 pe-3 whitespace-nowrap">{format.dateTime(c.updatedAt, { dateStyle: "medium" })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
