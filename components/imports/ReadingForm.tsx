import { getTranslations } from "next-intl/server";
import { sourceTypes, victimOutcomes } from "@/lib/cases/vocabulary";
import { importFields, rowItemsMapped } from "@/lib/import/fields";
import type { ImportPreview } from "@/lib/import/preview";
import { listOfField, vocabularyLists, type VocabularyList } from "@/lib/import/lists";
import type { ReadingRules } from "@/lib/import/rows";
import { victimFields } from "@/lib/import/victim-rows";
import { MappingTable } from "./MappingTable";

/** What the rows may leave unsaid, said once for the file (`rules.defaults`). */
const defaultChoices = [
  { field: "victimOutcome", label: "defaultOutcome", list: "outcomes", codes: victimOutcomes },
  { field: "sourceType", label: "defaultSourceType", list: "sourceTypes", codes: sourceTypes },
] as const;

/** The file's values to map: those already mapped by the rules, and those the preview found outside our lists. */
function valuesToMap(preview: ImportPreview, rules: ReadingRules): { list: VocabularyList; value: string; code: string }[] {
  const seen = new Map<string, { list: VocabularyList; value: string; code: string }>();
  for (const [list, map] of Object.entries(rules.values) as [VocabularyList, Record<string, string>][]) {
    for (const [value, code] of Object.entries(map ?? {})) seen.set(`${list}\u0000${value}`, { list, value, code });
  }
  for (const p of preview.problems) {
    const list = listOfField[p.field as keyof typeof listOfField];
    const value = p.params?.value;
    if (!list || !value || !p.message.startsWith("unknownValue")) continue;
    const key = `${list}\u0000${value}`;
    if (!seen.has(key)) seen.set(key, { list, value, code: "" });
  }
  return [...seen.values()];
}

/**
 * How the file is read, as a form that asks for the page again (GET): the sheet, the date order,
 * each column's field, and the file's values mapped to ours. Works without script, and a reload keeps it.
 */
export async function ReadingForm({ preview, rules }: { preview: ImportPreview; rules: ReadingRules }) {
  const t = await getTranslations("imports");
  const tf = await getTranslations("importFields");
  const tl = await getTranslations();
  const select = "rounded border border-slate-400 bg-white px-2 py-1 text-base focus:outline-2 focus:outline-sky-700";
  const values = valuesToMap(preview, rules);
  // A sheet of the victims file is chosen as `file:<sheet>` (lib/import/reading-query.ts).
  const victimsChoice = preview.victims ? (preview.victims.file ? `file:${preview.victims.sheet}` : preview.victims.sheet) : "";
  return (
    <form method="get" className="flex flex-col gap-4" aria-labelledby="reading" data-testid="reading-form">
      <input type="hidden" name="mapped" value="1" />
      <input type="hidden" name="mappedSheet" value={preview.sheet} />
      <p className="text-sm text-slate-700">{t("readingHelp")}</p>
      {preview.template ? <p data-testid="template-used">{t("templateUsed", { name: preview.template.name })}</p> : null}
      <div className="flex flex-wrap gap-4">
        {preview.sheets.length > 1 ? (
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t("sheet")}
            <select name="sheet" defaultValue={preview.sheet} className={select}>
              {preview.sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("dateOrder")}
          <select name="date" defaultValue={rules.dateOrder} className={select}>
            <option value="dmy">{t("dmy")}</option>
            <option value="mdy">{t("mdy")}</option>
          </select>
        </label>
      </div>
      <MappingTable caption={t("reading")} headers={preview.headers} examples={preview.examples} mapping={preview.mapping} fields={importFields} prefix="m." testId="mapping-table" />
      {rowItemsMapped(preview.mapping) || rules.defaults ? (
        <fieldset className="flex flex-col gap-2" data-testid="row-defaults">
          <legend className="font-semibold">{t("rowDefaults")}</legend>
          <p className="text-sm text-slate-700">{t("rowDefaultsHelp")}</p>
          <div className="flex flex-wrap gap-4">
            {defaultChoices.map(({ field, label, list, codes }) => (
              <label key={field} className="flex flex-col gap-1 text-sm font-medium">
                {t(label)}
                <select name={`d.${field}`} defaultValue={rules.defaults?.[field] ?? ""} className={select}>
                  <option value="">{t("noDefault")}</option>
                  {codes.map((c) => (
                    <option key={c} value={c}>
                      {tl(`${list}.${c}`)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {preview.sheets.length > 1 || preview.victimsFile ? (
        <fieldset className="flex flex-col gap-2" data-testid="victims-sheet">
          <legend className="font-semibold">{t("victimsSheet")}</legend>
          <p className="text-sm text-slate-700">{t("victimsSheetHelp")}</p>
          {preview.victims ? <input type="hidden" name="vmappedSheet" value={victimsChoice} /> : null}
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t("victimsSheetChoice")}
            <select name="vs" defaultValue={victimsChoice} className={select}>
              <option value="">{t("noVictimsSheet")}</option>
              {preview.sheets
                .filter((s) => s !== preview.sheet)
                .map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              {preview.victimsFile?.sheets.map((s) => (
                <option key={`file:${s}`} value={`file:${s}`}>
                  {preview.victimsFile!.sheets.length === 1 ? preview.victimsFile!.name : `${preview.victimsFile!.name} · ${s}`}
                </option>
              ))}
            </select>
          </label>
          {preview.victims ? (
            <MappingTable
              caption={preview.victims.label}
              headers={preview.victims.headers}
              examples={preview.victims.examples}
              mapping={preview.victims.mapping}
              fields={victimFields}
              prefix="vm."
              testId="victims-mapping-table"
            />
          ) : null}
        </fieldset>
      ) : null}
      {values.length ? (
        <fieldset className="flex flex-col gap-2" data-testid="value-maps">
          <legend className="font-semibold">{t("unknownValues")}</legend>
          <p className="text-sm text-slate-700">{t("unknownValuesHelp")}</p>
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-slate-400 text-slate-700">
                <th scope="col" className="py-2 pe-3 text-start">{t("fileValue")}</th>
                <th scope="col" className="py-2 pe-3 text-start">{t("ourValue")}</th>
              </tr>
            </thead>
            <tbody>
              {values.map(({ list, value, code }, i) => (
                <tr key={`${list}-${value}`} className="border-b border-slate-200">
                  <th scope="row" className="py-1 pe-3 text-start font-normal">
                    <label htmlFor={`value-${i}`}>
                      “{value}” <span className="text-slate-600">({tf(Object.entries(listOfField).find(([, l]) => l === list)![0])})</span>
                    </label>
                  </th>
                  <td className="py-1 pe-3">
                    <select id={`value-${i}`} name={`v.${list}.${value}`} defaultValue={code} className={select}>
                      <option value="">{t("leaveUnmapped")}</option>
                      {vocabularyLists[list].map((c) => (
                        <option key={c} value={c}>
                          {tl(`${list}.${c}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>
      ) : null}
      {preview.lookalikes.length || preview.setAside.length ? (
        <fieldset className="flex flex-col gap-2" data-testid="lookalikes">
          <legend className="font-semibold">{t("lookalikes")}</legend>
          <p className="text-sm text-slate-700">{t("lookalikesHelp", { count: preview.lookalikeCount })}</p>
          <ul className="flex flex-col gap-2">
            {preview.setAside.map((row) => (
              <li key={`aside-${row}`}>
                <label className="flex items-center gap-2">
                  <input type="checkbox" name="skip" value={row} defaultChecked className="h-4 w-4" />
                  {t("skipRow", { row })}
                </label>
              </li>
            ))}
            {preview.lookalikes.map(({ row, cases }) => {
              const chosen = preview.duplicates[row] ? `dup:${preview.duplicates[row]}` : "";
              return (
                <li key={row} data-testid="lookalike">
                  <fieldset className="flex flex-col gap-1">
                    <legend className="text-sm">
                      {t("rowLooksLike", { row })}{" "}
                      {cases.map((c, i) => (
                        <span key={c.id}>
                          {i ? ", " : ""}
                          <a href={`/cases/${c.id}`} target="_blank" rel="noopener" className="text-sky-800 underline">
                            <span dir="ltr">{c.reference}</span>
                          </a>{" "}
                          {c.title}
                        </span>
                      ))}
                    </legend>
                    <div className="ms-4 flex flex-wrap gap-x-4 gap-y-1">
                      {[
                        { value: "", label: t("importAnyway") },
                        { value: "skip", label: t("skipRow", { row }) },
                        ...cases.map((c) => ({ value: `dup:${c.id}`, label: t("linkAsDuplicate", { reference: c.reference }) })),
                      ].map(({ value, label }) => (
                        <label key={value} className="flex items-center gap-2">
                          <input type="radio" name={`row.${row}`} value={value} defaultChecked={value === chosen} className="h-4 w-4" />
                          {label}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ) : null}
      <div>
        <button
          type="submit"
          className="rounded border border-slate-500 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-sky-700"
        >
          {t("checkAgain")}
        </button>
      </div>
    </form>
  );
}
