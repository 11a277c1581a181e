import type { ColumnMapping, ImportField } from "./fields";
import { vocabularyLists, type VocabularyList } from "./lists";
import type { ReadingRules } from "./rows";

type Query = Record<string, string | string[] | undefined>;

/**
 * How the import page keeps a reading in its address (a GET form, so a reload or a shared link shows
 * the same preview): `sheet`, `mapped=1` (and `mappedSheet`, the sheet it was made for) with
 * `m.<column>=<field>` (empty: not imported), `date`, and
 * `v.<list>.<file's value>=<our code>`, `d.victimOutcome` and `d.sourceType` (what the rows leave unsaid), `row.<n>=skip|dup:<case id>` (a look-alike's choice), `vs=<victims sheet>` (`file:<sheet>` for one of the victims file's; with `vmappedSheet` and `vm.<column>=<victim field>`
 * once its mapping was made for that sheet), and `skip=<row>` for each row left out; without `mapped`, the file is read by a template or a guess.
 * Nothing here is trusted: readingRequest checks it all.
 */
export function readingFromQuery(query: Query): Record<string, unknown> {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.at(-1) : v);
  const out: Record<string, unknown> = {};
  const sheet = one(query.sheet);
  if (sheet) out.sheet = sheet;
  // A reading made for another sheet's columns is not this one's: the new sheet is read afresh
  // (by a template for its headers, or a guess), its rules with it.
  const mappedSheet = one(query.mappedSheet);
  if (one(query.mapped) !== "1" || (mappedSheet !== undefined && sheet !== undefined && mappedSheet !== sheet)) return out;
  const mapping: Record<string, string> = {};
  const values: Record<string, Record<string, string>> = {};
  for (const [key, value] of Object.entries(query)) {
    const column = key.match(/^m\.(\d{1,3})$/)?.[1];
    const found = key.match(/^v\.(\w+)\.(.+)$/s);
    const chosen = one(value);
    if (!chosen) continue;
    if (column !== undefined) mapping[column] = chosen;
    else if (found && Object.hasOwn(vocabularyLists, found[1])) (values[found[1]] ??= {})[found[2]] = chosen;
  }
  out.mapping = mapping;
  const skip = [query.skip ?? []].flat().filter((v) => /^\d{1,7}$/.test(v)).map(Number);
  // A look-alike row's choice: `row.<n>=skip`, or `row.<n>=dup:<case id>` to file it as that allegation's duplicate.
  const duplicates: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    const row = key.match(/^row\.(\d{1,7})$/)?.[1];
    const chosen = one(value);
    if (row === undefined || !chosen) continue;
    if (chosen === "skip") skip.push(Number(row));
    else if (chosen.startsWith("dup:")) duplicates[row] = chosen.slice(4);
  }
  if (skip.length) out.skip = [...new Set(skip)];
  if (Object.keys(duplicates).length) out.duplicates = duplicates;
  const rules: Record<string, unknown> = { dateOrder: one(query.date) || "dmy", values };
  // A victims sheet, and its mapping once made for that very sheet (otherwise guessed from its headers).
  const victimsSheet = one(query.vs);
  if (victimsSheet) {
    const victimMapping: Record<string, string> = {};
    for (const [key, value] of Object.entries(query)) {
      const column = key.match(/^vm\.(\d{1,3})$/)?.[1];
      const chosen = one(value);
      if (column !== undefined && chosen) victimMapping[column] = chosen;
    }
    // A sheet of the victims file is written `file:<sheet>`.
    const chosen = victimsSheet.startsWith("file:") ? { sheet: victimsSheet.slice(5), file: true } : { sheet: victimsSheet };
    rules.victims = one(query.vmappedSheet) === victimsSheet ? { ...chosen, mapping: victimMapping } : chosen;
  }
  const defaults = Object.fromEntries(
    (["victimOutcome", "sourceType"] as const).flatMap((field) => {
      const chosen = one(query[`d.${field}`]);
      return chosen ? [[field, chosen]] : [];
    }),
  );
  if (Object.keys(defaults).length) rules.defaults = defaults;
  out.rules = rules;
  return out;
}

/** The query of a reading, as readingFromQuery reads it back. */
export function queryOfReading(reading: {
  sheet?: string;
  mapping: ColumnMapping;
  rules: ReadingRules;
  skip?: number[];
  duplicates?: Record<number, string>;
}): URLSearchParams {
  const query = new URLSearchParams();
  if (reading.sheet) query.set("sheet", reading.sheet);
  for (const row of reading.skip ?? []) query.append("skip", String(row));
  for (const [row, id] of Object.entries(reading.duplicates ?? {})) query.set(`row.${row}`, `dup:${id}`);
  query.set("mapped", "1");
  for (const [column, field] of Object.entries(reading.mapping) as [string, ImportField][]) query.set(`m.${column}`, field);
  query.set("date", reading.rules.dateOrder);
  for (const [list, map] of Object.entries(reading.rules.values) as [VocabularyList, Record<string, string>][]) {
    for (const [value, code] of Object.entries(map ?? {})) query.set(`v.${list}.${value}`, code);
  }
  for (const [field, code] of Object.entries(reading.rules.defaults ?? {})) if (code) query.set(`d.${field}`, code);
  const victims = reading.rules.victims;
  if (victims) {
    const chosen = victims.file ? `file:${victims.sheet}` : victims.sheet;
    query.set("vs", chosen);
    if (victims.mapping) {
      query.set("vmappedSheet", chosen);
      for (const [column, field] of Object.entries(victims.mapping)) query.set(`vm.${column}`, field);
    }
  }
  return query;
}
