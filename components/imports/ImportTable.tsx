import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ImportState } from "@/lib/import/queries";

/** The latest imports, newest first, each linking to its page. */
export async function ImportTable({ items }: { items: ImportState[] }) {
  const t = await getTranslations("imports");
  const format = await getFormatter();
  if (!items.length) return <p data-testid="imports-empty">{t("none")}</p>;
  const th = "py-2 pe-3 text-start font-semibold";
  const num = "py-2 pe-3 text-end tabular-nums";
  return (
    <table className="w-full border-collapse text-sm" data-testid="imports-table">
      <caption className="sr-only">{t("recent")}</caption>
      <thead>
        <tr className="border-b border-slate-400 text-slate-700">
          <th scope="col" className={th}>{t("columns.file")}</th>
          <th scope="col" className={th}>{t("columns.by")}</th>
          <th scope="col" className={th}>{t("columns.at")}</th>
          <th scope="col" className={th}>{t("columns.status")}</th>
          <th scope="col" className={`${th} text-end`}>{t("columns.created")}</th>
          <th scope="col" className={`${th} text-end`}>{t("columns.skipped")}</th>
          <th scope="col" className={`${th} text-end`}>{t("columns.invalid")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.id} className="border-b border-slate-200" data-testid="import-row">
            <td className="py-2 pe-3">
              <Link href={`/imports/${i.id}`} className="text-sky-800 underline">
                {i.fileName}
              </Link>
            </td>
            <td className="py-2 pe-3">{i.createdByName}</td>
            <td className="py-2 pe-3 whitespace-nowrap">
              <time dateTime={i.createdAt.toISOString()}>{format.dateTime(i.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
            </td>
            <td className="py-2 pe-3">{t(`status.${i.status}`)}</td>
            <td className={num}>{format.number(i.created)}</td>
            <td className={num}>{format.number(i.skipped)}</td>
            <td className={num}>{format.number(i.invalid)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
