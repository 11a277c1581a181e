import type { ClientBase } from "pg";
import type { Row } from "./synthetic";

/** A column and its PostgreSQL type; a type ending in [] is itself an array (text[] …). */
export type Column = readonly [name: string, type: string];

export const caseColumns: readonly Column[] = [
  ["id", "uuid"],
  ["reference", "text"],
  ["external_codes", "text[]"],
  ["title", "text"],
  ["incident_date_from", "date"],
  ["incident_date_to", "date"],
  ["date_precision", "date_precision"],
  ["country", "text"],
  ["governorate_pcode", "text"],
  ["district_pcode", "text"],
  ["locality_en", "text"],
  ["locality_ar", "text"],
  ["neighbourhood_en", "text"],
  ["neighbourhood_ar", "text"],
  ["latitude", "float8"],
  ["longitude", "float8"],
  ["location_accuracy", "location_accuracy"],
  ["belligerents", "text[]"],
  ["means", "text[]"],
  ["killed_min", "int4"],
  ["killed_max", "int4"],
  ["killed_children_min", "int4"],
  ["killed_children_max", "int4"],
  ["killed_women_min", "int4"],
  ["killed_women_max", "int4"],
  ["injured_min", "int4"],
  ["injured_max", "int4"],
  ["civilian_objects", "text[]"],
  ["incendiary_weapons", "bool"],
  ["narrative", "text"],
  ["tags", "text[]"],
  ["stage", "case_stage"],
  ["stage_entered_at", "timestamptz"],
  ["grading", "grading"],
  ["closing_reason", "closing_reason"],
  ["awaiting_answer_since", "date"],
  ["assignee_id", "uuid"],
  ["search_text", "text"],
  ["version", "int4"],
  ["created_by", "uuid"],
  ["created_at", "timestamptz"],
  ["updated_by", "uuid"],
  ["updated_at", "timestamptz"],
];

export const victimColumns: readonly Column[] = [
  ["id", "uuid"],
  ["case_id", "uuid"],
  ["name_ar", "text"],
  ["name_latin", "text"],
  ["sex", "sex"],
  ["age", "int4"],
  ["age_group", "age_group"],
  ["outcome", "victim_outcome"],
  ["family_group", "text"],
  ["identity_verification", "identity_verification"],
  ["confidential", "bool"],
  ["created_by", "uuid"],
  ["created_at", "timestamptz"],
];

export const sourceColumns: readonly Column[] = [
  ["id", "uuid"],
  ["case_id", "uuid"],
  ["type", "source_type"],
  ["publisher", "text"],
  ["title", "text"],
  ["url", "text"],
  ["published_on", "date"],
  ["language", "text"],
  ["confidential", "bool"],
  ["created_by", "uuid"],
  ["created_at", "timestamptz"],
];

export const eventColumns: readonly Column[] = [
  ["id", "int8"],
  ["at", "timestamptz"],
  ["actor_id", "uuid"],
  ["actor_label", "text"],
  ["action", "text"],
  ["entity_type", "text"],
  ["entity_id", "text"],
  ["case_id", "uuid"],
  ["changes", "jsonb"],
  ["reason", "text"],
  ["prev_hash", "text"],
  ["hash", "text"],
];

/** A PostgreSQL array literal of strings, e.g. {"coalition","us"}. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}

/**
 * Inserts many rows in one statement: each column travels as one array parameter and unnest()
 * zips them back into rows, so there is no limit of 65,535 parameters and little to parse.
 */
export async function insertRows(client: ClientBase, table: string, columns: readonly Column[], rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const params = columns.map(([name, type]) =>
    rows.map((row) => {
      const value = row[name] ?? null;
      return type.endsWith("[]") && Array.isArray(value) ? arrayLiteral(value.map(String)) : value;
    }),
  );
  // Nested arrays and jsonb cross as text and are cast per row; everything else as an array of its type.
  const carrier = (type: string) => (type.endsWith("[]") || type === "jsonb" ? "text" : type);
  const unnest = columns.map(([, type], i) => `$${i + 1}::${carrier(type)}[]`).join(", ");
  const select = columns.map(([name, type]) => (carrier(type) === type ? `u.${name}` : `u.${name}::${type}`)).join(", ");
  const names = columns.map(([name]) => name).join(", ");
  await client.query(`insert into ${table} (${names}) select ${select} from unnest(${unnest}) as u(${names})`, params);
}

export const stageMoveColumns: readonly Column[] = [
  ["case_id", "uuid"],
  ["move", "stage_move"],
  ["from_stage", "case_stage"],
  ["to_stage", "case_stage"],
  ["closing_reason", "closing_reason"],
  ["moved_by", "uuid"],
  ["moved_at", "timestamptz"],
];

export const assessmentColumns: readonly Column[] = [
  ["id", "uuid"],
  ["case_id", "uuid"],
  ["grading", "grading"],
  ["method", "assessment_method"],
  ["reasoning", "text"],
  ["assessed_by", "uuid"],
  ["assessed_at", "timestamptz"],
];

export const responseColumns: readonly Column[] = [
  ["id", "uuid"],
  ["case_id", "uuid"],
  ["kind", "sending_kind"],
  ["sent_on", "date"],
  ["channel", "sending_channel"],
  ["sent_by", "uuid"],
  ["sent_at", "timestamptz"],
  ["answer", "belligerent_answer"],
  ["non_credible_reason", "non_credible_reason"],
  ["deaths_conceded_min", "int4"],
  ["deaths_conceded_max", "int4"],
  ["answered_on", "date"],
  ["answer_recorded_by", "uuid"],
  ["answer_recorded_at", "timestamptz"],
];

export const redressColumns: readonly Column[] = [
  ["id", "uuid"],
  ["case_id", "uuid"],
  ["type", "redress_type"],
  ["amount", "numeric"],
  ["currency", "text"],
  ["status", "redress_status"],
  ["created_by", "uuid"],
];
