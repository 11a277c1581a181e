import { z } from "zod";
import { answerInput, type AnswerInput } from "@/lib/cases/lifecycle-schemas";
import { coordinate, isoDate } from "@/lib/cases/schema-parts";
import { fieldErrorsOf } from "@/lib/result";
import type { ColumnMapping, ImportField } from "@/lib/import/fields";
import { matchDistrict, matchGovernorate } from "@/lib/import/places";
import { importDate, importRange, westernDigits, type DateOrder } from "@/lib/import/row-values";
import type { RowProblem } from "@/lib/import/rows";
import type { Row } from "@/lib/import/table";
import { matchVocabulary } from "@/lib/import/vocabulary-match";
import { belligerentAnswers, nonCredibleReasons } from "@/lib/cases/vocabulary";
import { districtOf } from "@/lib/places/admin-areas";

/** The columns of a belligerent's table we read, named as an import's fields (so headers are guessed alike). */
export const reconciliationFields = [
  "externalCode",
  "incidentDateFrom",
  "governorate",
  "district",
  "localityEn",
  "latitude",
  "longitude",
  "answer",
  "nonCredibleReason",
  "deathsConceded",
  "deathsConcededMin",
  "deathsConcededMax",
  "answeredOn",
] as const satisfies readonly ImportField[];

/** A row of their table as read: where and when, and their answer exactly as the answer form takes it. */
export type TheirRow = {
  rowNumber: number;
  theirReference: string | null;
  incidentDate: string;
  governoratePcode: string | null;
  locality: string | null;
  latitude: number | null;
  longitude: number | null;
  answer: AnswerInput;
};

const place = z.object({ incidentDate: isoDate, latitude: coordinate(90), longitude: coordinate(180) });

/**
 * One row of a belligerent's table, checked by the answer form's own schema (answerInput); the date
 * of the release stands for a row that gives no date of its own. Places are matched as an import's.
 */
export function readTheirRow(
  row: Row,
  headers: string[],
  mapping: ColumnMapping,
  { dateOrder, releasedOn }: { dateOrder: DateOrder; releasedOn: string },
): { ok: true; value: TheirRow } | { ok: false; problems: RowProblem[] } {
  const columnOf = new Map<ImportField, number>();
  for (const [column, field] of Object.entries(mapping)) columnOf.set(field, Number(column));
  const cell = (field: ImportField) => {
    const column = columnOf.get(field);
    return column === undefined ? "" : (row.cells[column] ?? "").trim();
  };
  const problems: RowProblem[] = [];
  const problem = (field: ImportField, message: string, params?: Record<string, string>) => {
    const column = columnOf.get(field);
    problems.push({ row: row.number, column: column === undefined ? null : headers[column] || `#${column + 1}`, field, message, ...(params ? { params } : {}) });
  };
  const code = (field: "answer" | "nonCredibleReason", list: string, codes: readonly string[]) => {
    const value = cell(field);
    if (!value) return "";
    const match = matchVocabulary(list, codes, value);
    if (match.ok) return match.code;
    problem(field, match.suggestion ? "unknownValueSuggest" : "unknownValue", { value, ...(match.suggestion ? { suggestion: match.suggestion } : {}) });
    return null;
  };

  let governoratePcode: string | null = null;
  if (cell("governorate")) {
    const match = matchGovernorate(cell("governorate"));
    if (match.ok) governoratePcode = match.pcode;
    else problem("governorate", "unknownPlace", { value: cell("governorate") });
  } else if (cell("district")) {
    const match = matchDistrict(cell("district"));
    if (match.ok) governoratePcode = districtOf(match.pcode)?.governorate.pcode ?? null;
    else problem("district", "unknownPlace", { value: cell("district") });
  }
  const where = place.safeParse({
    incidentDate: cell("incidentDateFrom") ? importDate(cell("incidentDateFrom"), dateOrder) : undefined,
    latitude: westernDigits(cell("latitude")),
    longitude: westernDigits(cell("longitude")),
  });
  if (!where.success) {
    const fieldOf: Record<string, ImportField> = { incidentDate: "incidentDateFrom", latitude: "latitude", longitude: "longitude" };
    for (const [formField, messages] of Object.entries(fieldErrorsOf(where.error))) for (const m of messages) problem(fieldOf[formField], m);
  }

  const answer = code("answer", "answers", belligerentAnswers);
  const reason = code("nonCredibleReason", "nonCredibleReasons", nonCredibleReasons);
  let conceded = importRange(cell("deathsConceded"));
  if (cell("deathsConcededMin") || cell("deathsConcededMax")) conceded = { min: westernDigits(cell("deathsConcededMin")), max: westernDigits(cell("deathsConcededMax")) };
  const answered = answerInput.safeParse({
    answer: answer ?? "-",
    nonCredibleReason: reason ?? "",
    deathsConcededMin: conceded.min,
    deathsConcededMax: conceded.max,
    answeredOn: cell("answeredOn") ? importDate(cell("answeredOn"), dateOrder) : releasedOn,
  });
  if (!answered.success) {
    const fieldOf: Record<string, ImportField> = {
      answer: "answer",
      nonCredibleReason: "nonCredibleReason",
      answerNote: "nonCredibleReason",
      deathsConcededMin: cell("deathsConcededMin") ? "deathsConcededMin" : "deathsConceded",
      deathsConcededMax: cell("deathsConcededMax") ? "deathsConcededMax" : "deathsConceded",
      answeredOn: "answeredOn",
    };
    const reported = new Set(problems.map((p) => p.field));
    for (const [formField, messages] of Object.entries(fieldErrorsOf(answered.error))) {
      const field = fieldOf[formField] ?? "answer";
      if (!reported.has(field)) for (const m of messages) problem(field, m);
    }
  }
  if (problems.length || !where.success || !answered.success) return { ok: false, problems };
  return {
    ok: true,
    value: {
      rowNumber: row.number,
      theirReference: cell("externalCode") || null,
      incidentDate: where.data.incidentDate,
      governoratePcode,
      locality: cell("localityEn") || null,
      latitude: where.data.latitude,
      longitude: where.data.longitude,
      answer: answered.data,
    },
  };
}
