import { getTranslations } from "next-intl/server";

/** A sheet's columns, each with its first value and a choice of the field it is read as (`<prefix><column>` in the form). */
export async function MappingTable({
  caption,
  headers,
  examples,
  mapping,
  fields,
  prefix,
  testId,
}: {
  caption: string;
  headers: string[];
  examples: string[];
  mapping: Record<number, string>;
  fields: readonly string[];
  prefix: string;
  testId: string;
}) {
  const t = await getTranslations("imports");
  const tf = await getTranslations("importFields");
  const select = "rounded border border-slate-400 bg-white px-2 py-1 text-base focus:outline-2 focus:outline-sky-700";
  const id = (column: number) => `${testId}-${column}`;
  return (
    <table className="w-full border-collapse text-sm" data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-400 text-start text-slate-700">
          <th scope="col" className="py-2 pe-3 text-start">{t("column")}</th>
          <th scope="col" className="py-2 pe-3 text-start">{t("example")}</th>
          <th scope="col" className="py-2 pe-3 text-start">{t("field")}</th>
        </tr>
      </thead>
      <tbody>
        {headers.map((header, column) => (
          <tr key={column} className="border-b border-slate-200">
            <th scope="row" className="py-1 pe-3 text-start font-medium">
              <label htmlFor={id(column)}>{header || `#${column + 1}`}</label>
            </th>
            <td className="max-w-xs truncate py-1 pe-3 text-slate-600">{examples[column]}</td>
            <td className="py-1 pe-3">
              <select id={id(column)} name={`${prefix}${column}`} defaultValue={mapping[column] ?? ""} className={select}>
                <option value="">{t("notImported")}</option>
                {fields.map((f) => (
                  <option key={f} value={f}>
                    {tf(f)}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
