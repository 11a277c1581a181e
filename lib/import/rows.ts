import { caseInput, type CaseInput, type SourceInput, type VictimInput } from "@/lib/cases/schemas";
import type { SourceType, VictimOutcome } from "@/lib/cases/vocabulary";
import { districtOf, governorateOf } from "@/lib/places/admin-areas";
import type { ColumnMapping, ImportField } from "./fields";
import { readLifecycle, type ImportedLifecycle } from "./lifecycle-columns";
import { listOfField, type VocabularyList } from "./lists";
import { readRowSources } from "./row-sources";
import { readRowVictims, type VictimsReading } from "./victim-rows";
import { matchDistrict, matchGovernorate } from "./places";
import { rowReader } from "./row-reader";
import { importDate, importRange, westernDigits, type DateOrder } from "./row-values";
import type { Row } from "./table";
import type { ValueMap } from "./vocabulary-match";

/** One problem of one row: where it is (the file's row number and column header) and the message key (under "errors."). */
export type RowProblem = {
  row: number;
  column: string | null;
  field: string;
  message: string;
  params?: Record<string, string>;
  /** The sheet the row is on, when it is not the allegations' (a victims sheet). */
  sheet?: string;
};

/** Problems in the order a person reads them: the allegations' sheet by row, then the victims sheet's. */
export const byPlace = (a: RowProblem, b: RowProblem) => Number(Boolean(a.sheet)) - Number(Boolean(b.sheet)) || a.row - b.row;

/** How a file is read beyond its column mapping; kept in the template with the mapping. */
export type ReadingRules = {
  dateOrder: DateOrder;
  /** Per closed list, the file's values mapped once to our codes ("Coalition" → coalition). */
  values: Partial<Record<VocabularyList, ValueMap>>;
  /** A second sheet of the workbook holding victims, joined to the allegations on their key. */
  victims?: VictimsReading;
  /** What the file leaves unsaid, said once for all its rows: the outcome of victims it names, the type of sources it cites. */
  defaults?: { victimOutcome?: VictimOutcome; sourceType?: SourceType };
};
export const defaultReadingRules: ReadingRules = { dateOrder: "dmy", values: {} };

export type RowOutcome =
  | {
      ok: true;
      input: CaseInput;
      externalCode: string | null;
      lifecycle: ImportedLifecycle | null;
      /** The victims and sources the row itself names (victims of a victims sheet are joined later). */
      victims: VictimInput[];
      sources: SourceInput[];
    }
  | { ok: false; problems: RowProblem[] };

/**
 * One row read as an allegation: its cells turned into what the filing form would post, then
 * checked by the filing form's own schema (caseInput), every problem reported on the row and the
 * column a person would correct. Values outside a closed list and places that cannot be matched
 * are problems, never guesses.
 */
export function readCaseRow(row: Row, headers: string[], mapping: ColumnMapping, rules: ReadingRules = defaultReadingRules): RowOutcome {
  return readRow(row, headers, mapping, rules).outcome;
}

/**
 * The filing form's fields a file with this mapping gives a value (the date precision with its
 * dates): a re-import changes only those, never blanking what the file does not have.
 */
export function suppliedFields(headers: string[], mapping: ColumnMapping): string[] {
  const mapped = new Set(Object.values(mapping));
  // Every cell filled, so each field names the column it would come from (an empty "killed min" falls back to "killed").
  const { sourceOf } = readRow({ number: 0, cells: headers.map(() => "1") }, headers, mapping, defaultReadingRules);
  const fields = Object.entries(sourceOf).flatMap(([formField, from]) => (mapped.has(from) ? [formField] : []));
  return fields.includes("incidentDateFrom") || fields.includes("incidentDateTo") ? [...fields, "datePrecision"] : fields;
}

function readRow(row: Row, headers: string[], mapping: ColumnMapping, rules: ReadingRules): { outcome: RowOutcome; sourceOf: Record<string, ImportField> } {
  const reader = rowReader(row, headers, mapping, rules.values);
  const { cell, problem, problems } = reader;
  const vocabulary = (field: ImportField, many = false) => reader.codes(field, listOfField[field]!, many);
  // The form field a schema error names → the file's field it came from.
  const sourceOf: Record<string, ImportField> = {};

  const input: Record<string, unknown> = {};
  const set = (formField: string, from: ImportField, value: unknown) => {
    input[formField] = value;
    sourceOf[formField] = from;
  };

  const [country] = vocabulary("country");
  let governoratePcode = "";
  if (cell("governorate")) {
    const match = matchGovernorate(cell("governorate"), country);
    if (match.ok) governoratePcode = match.pcode;
    else problem("governorate", match.suggestion ? "unknownPlaceSuggest" : "unknownPlace", placeParams(cell("governorate"), match.suggestion));
  }
  let districtPcode = "";
  if (cell("district")) {
    const match = matchDistrict(cell("district"), governoratePcode || undefined);
    if (match.ok) districtPcode = match.pcode;
    else problem("district", match.suggestion ? "unknownPlaceSuggest" : "unknownPlace", placeParams(cell("district"), match.suggestion));
  }
  // A district names its governorate when the file gives no governorate of its own.
  if (!governoratePcode && districtPcode && !cell("governorate")) governoratePcode = districtOf(districtPcode)?.governorate.pcode ?? "";
  const governorate = governorateOf(governoratePcode);
  const placeFailed = problems.some((p) => p.field === "governorate" || p.field === "district");

  const from = importDate(cell("incidentDateFrom"), rules.dateOrder);
  const to = cell("incidentDateTo") ? importDate(cell("incidentDateTo"), rules.dateOrder) : "";
  set("incidentDateFrom", "incidentDateFrom", from || undefined);
  set("incidentDateTo", "incidentDateTo", to);
  input.datePrecision = to && to !== from ? "range" : "day";
  set("country", "country", country ?? governorate?.country ?? "");
  // Its source is known even when the place is not (a re-import asks which fields a file gives).
  sourceOf.governoratePcode = cell("governorate") ? "governorate" : "district";
  if (!placeFailed) input.governoratePcode = governoratePcode;
  set("districtPcode", "district", districtPcode);
  for (const f of ["localityEn", "localityAr", "neighbourhoodEn", "neighbourhoodAr", "narrative", "tags"] as const) set(f, f, cell(f));
  set("latitude", "latitude", westernDigits(cell("latitude")));
  set("longitude", "longitude", westernDigits(cell("longitude")));
  const [accuracy] = vocabulary("locationAccuracy");
  set("locationAccuracy", "locationAccuracy", accuracy ?? "");
  set("belligerents", "belligerents", vocabulary("belligerents", true));
  set("means", "means", vocabulary("means", true));
  set("civilianObjects", "civilianObjects", vocabulary("civilianObjects", true));

  for (const outcome of ["killed", "injured"] as const) {
    const range = importRange(cell(outcome));
    set(`${outcome}Min`, cell(`${outcome}Min`) ? `${outcome}Min` : outcome, westernDigits(cell(`${outcome}Min`)) || range.min);
    set(`${outcome}Max`, cell(`${outcome}Max`) ? `${outcome}Max` : outcome, westernDigits(cell(`${outcome}Max`)) || range.max);
  }
  for (const part of ["killedChildren", "killedWomen", "killedMen"] as const) {
    const range = importRange(cell(part));
    set(`${part}Min`, part, range.min);
    set(`${part}Max`, part, range.max);
  }

  const externalCode = cell("externalCode") || null;
  set("externalCodes", "externalCode", externalCode ?? "");
  const place = cell("localityEn") || cell("localityAr") || governorate?.nameEn || "";
  // A file without titles gets one a person can recognise: its code, place and date.
  set("title", "title", cell("title") || [externalCode, place, from].filter(Boolean).join(" · "));

  const lifecycle = readLifecycle(reader, rules.dateOrder, from);
  const victims = readRowVictims(reader, rules.defaults);
  const sources = readRowSources(reader, rules.dateOrder, rules.defaults);

  const parsed = caseInput.safeParse(input);
  if (!parsed.success) reader.report(parsed.error, (f) => sourceOf[f] ?? (f as ImportField), (f) => f === "governoratePcode" && placeFailed);
  if (problems.length || !parsed.success) return { outcome: { ok: false, problems }, sourceOf };
  return { outcome: { ok: true, input: parsed.data, externalCode, lifecycle, victims, sources }, sourceOf };
}

function placeParams(value: string, suggestion: { nameEn: string; nameAr: string; pcode: string } | null): Record<string, string> {
  return suggestion ? { value, suggestion: `${suggestion.nameEn} (${suggestion.nameAr}, ${suggestion.pcode})` } : { value };
}
