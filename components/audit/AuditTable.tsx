import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { AuditRow } from "@/lib/audit/queries";

/** The events, newest first, each with what changed and the start of its hash. */
export async function AuditTable({ items }: { items: AuditRow[] }) {
  const t = await getTranslations("audit");
  const format = await getFormatter();
  const th = "py-2 pe-3 text-start font-semibold";
  return (
    <table className="w-full border-collapse text-sm" data-testid="audit-table">
      <caption className="sr-only">{t("tableCaption")}</caption>
      <thead>
        <tr className="border-b border-slate-400 text-slate-700">
          <th scope="col" className={th}>{t("column.id")}</th>
          <th scope="col" className={th}>{t("column.at")}</th>
          <th scope="col" className={th}>{t("column.actor")}</th>
          <th scope="col" className={th}>{t("column.action")}</th>
          <th scope="col" className={th}>{t("column.case")}</th>
          <th scope="col" className={th}>{t("column.changes")}</th>
          <th scope="col" className={th}>{t("column.hash")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((e) => (
          <tr key={e.id} className="border-b border-slate-200 align-top" data-testid="audit-row">
            <td className="py-2 pe-3 font-mono" dir="ltr">{e.id}</td>
            <td className="py-2 pe-3 whitespace-nowrap">
              <time dateTime={e.at.toISOString()}>{format.dateTime(e.at, { dateStyle: "medium", timeStyle: "medium" })}</time>
            </td>
            <td className="py-2 pe-3">
              {e.actorLabel}
              {e.clientAddress ? <span className="block text-xs text-slate-600" dir="ltr">{e.clientAddress}</span> : null}
            </td>
            <td className="py-2 pe-3 font-mono" dir="ltr">
              {e.action}
              {e.subject ? <span className="block text-xs text-slate-600">{e.subject}</span> : null}
            </td>
            <td className="py-2 pe-3 whitespace-nowrap">
              {e.caseReference && e.caseId ? (
                <Link href={`/cases/${e.caseId}`} className="text-sky-800 underline">
                  <span dir="ltr">{e.caseReference}</span>
                </Link>
              ) : (
                "—"
              )}
            </td>
            <td className="max-w-md py-2 pe-3">
              {e.changes ? (
                <code className="block text-xs break-words whitespace-pre-wrap" dir="ltr">
                  {JSON.stringify(e.changes)}
                </code>
              ) : null}
              {e.reason ? <span className="block italic">{t("reason", { reason: e.reason })}</span> : null}
            </td>
            <td className="py-2 pe-3 font-mono text-xs" dir="ltr" title={e.hash ?? ""}>
              {e.hash ? `${e.hash.slice(0, 12)}…` : "—"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
