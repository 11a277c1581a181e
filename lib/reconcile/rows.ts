import { z } from "zod";
import { answerInput, type AnswerInput } from "@/lib/cases/lifecycle-schemas";
import { coordinate, isoDate } from "@/lib/cases/schema-parts";
import type { ColumnMapping, ImportField } from "@/lib/import/fields";
import { matchDistrict, matchGovernorate } from "@/lib/import/places";
import { rowReader } from "@/lib/import/row-reader";
import { importDate, importRange, westernDigits, type DateOrder } from "@/lib/import/row-values";
import type { RowProblem } from "@/lib/import/rows";
import type { Row } from "@/lib/import/table";
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
  const r = rowReader(row, headers, mapping);
  const { cell } = r;

  let governoratePcode: string | null = null;
  if (cell("governorate")) {
    const match = matchGovernorate(cell("governorate"));
    if (match.ok) governoratePcode = match.pcode;
    else r.problem("governorate", "unknownPlace", { value: cell("governorate") });
  } else if (cell("district")) {
    const match = matchDistrict(cell("district"));
    if (match.ok) governoratePcode = districtOf(match.pcode)?.governorate.pcode ?? null;
    else r.problem("district", "unknownPlace", { value: cell("district") });
  }
  const where = place.safeParse({
    incidentDate: cell("incidentDateFrom") ? importDate(cell("incidentDateFrom"), dateOrder) : undefined,
    latitude: westernDigits(cell("latitude")),
    longitude: westernDigits(cell("longitude")),
  });
  if (!where.success) r.report(where.error, (f) => (f === "incidentDate" ? "incidentDateFrom" : (f as ImportField)));

  const [answer] = r.codes("answer", "answers");
  const [reason] = r.codes("nonCredibleReason", "nonCredibleReasons");
  const conceded =
    cell("deathsConcededMin") || cell("deathsConcededMax")
      ? { min: westernDigits(cell("deathsConcededMin")), max: westernDigits(cell("deathsConcededMax")) }
      : importRange(cell("deathsConceded"));
  const answered = answerInput.safeParse({
    answer: answer ?? "",
    nonCredibleReason: reason ?? "",
    deathsConcededMin: conceded.min,
    deathsConcededMax: conceded.max,
    answeredOn: cell("answeredOn") ? importDate(cell("answeredOn"), dateOrder) : releasedOn,
  });
  if (!answered.success) r.report(answered.error, (f) => answerSource(f, cell));
  if (r.problems.length || !where.success || !answered.success) return { ok: false, problems: r.problems };
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

/** The table's column an answer form field comes from (the deaths from their range column unless min and max columns give them). */
function answerSource(formField: string, cell: (field: ImportField) => string): ImportField {
  if (formField === "deathsConcededMin" || formField === "deathsConcededMax") return cell(formField) ? formField : "deathsConceded";
  if (formField === "answerNote") return "nonCredibleReason";
  return formField === "nonCredibleReason" || formField === "answeredOn" ? formField : "answer";
}
