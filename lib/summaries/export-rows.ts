import { and, asc, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cases, redressItems, sources, victims } from "@/db/schema";
import { governorateOf } from "@/lib/places/admin-areas";
import type { Audience, CsvKind } from "./export-kinds";
import { countedCases, type SummaryFilter } from "./filters";
import { rowsOf } from "@/db/rows";

/**
 * The records behind the figures, one table per kind, read in batches of cases (keyset on the
 * reference) so an export of any size holds one batch in memory. Column names and coded values are
 * stable identifiers for analysts' scripts (docs/methodology.md lists them); public exports blank
 * what could identify a confidential victim or source, and leave out internal text.
 */
export type ExportCell = string | number | boolean | null;
export type ExportTable = { columns: readonly string[]; rows: (db: Db, filter: SummaryFilter, audience: Audience) => AsyncGenerator<ExportCell[]> };

const BATCH = 2000;

/**
 * Keyset batches, the next one already on its way while the current one is written out, so the
 * database and the CSV writer work at the same time.
 */
async function* prefetched<T>(fetchAfter: (after: string) => Promise<T[]>, keyOf: (row: T) => string): AsyncGenerator<T[]> {
  let next = fetchAfter("");
  for (;;) {
    const batch = await next;
    if (batch.length === BATCH) next = fetchAfter(keyOf(batch[batch.length - 1]));
    if (batch.length) yield batch;
    if (batch.length < BATCH) return;
  }
}

type CaseRef = { id: string; reference: string };

/** The counted cases' ids and references, a batch at a time, in reference order. */
function caseBatches(db: Db, filter: SummaryFilter): AsyncGenerator<CaseRef[]> {
  return prefetched(
    (after) =>
      db
        .select({ id: cases.id, reference: cases.reference })
        .from(cases)
        .where(and(countedCases(filter), gt(cases.reference, after)))
        .orderBy(asc(cases.reference))
        .limit(BATCH),
    (c) => c.reference,
  );
}

/**
 * The case columns, each with the SQL that reads it as the CSV wants it (lists joined with ";",
 * dates and codes as text), so the rows need no work in JavaScript but the governorate's names.
 * `answer` and the conceded deaths are the standing answer's, as the figures count them.
 */
const caseColumnSql: readonly (readonly [string, string])[] = [
  ["reference", "cases.reference"],
  ["external_codes", "array_to_string(cases.external_codes, ';')"],
  ["title", "cases.title"],
  ["incident_date_from", "cases.incident_date_from::text"],
  ["incident_date_to", "cases.incident_date_to::text"],
  ["date_precision", "cases.date_precision::text"],
  ["country", "cases.country"],
  ["governorate_pcode", "cases.governorate_pcode"],
  ["governorate_en", "null"],
  ["governorate_ar", "null"],
  ["district_pcode", "cases.district_pcode"],
  ["locality_en", "cases.locality_en"],
  ["locality_ar", "cases.locality_ar"],
  ["neighbourhood_en", "cases.neighbourhood_en"],
  ["neighbourhood_ar", "cases.neighbourhood_ar"],
  ["latitude", "cases.latitude"],
  ["longitude", "cases.longitude"],
  ["location_accuracy", "cases.location_accuracy::text"],
  ["belligerents", "array_to_string(cases.belligerents, ';')"],
  ["means", "array_to_string(cases.means, ';')"],
  ...["killed", "killed_children", "killed_women", "killed_men", "injured", "injured_children", "injured_women", "injured_men"].flatMap(
    (h) => [[`${h}_min`, `cases.${h}_min`], [`${h}_max`, `cases.${h}_max`]] as const,
  ),
  ["detentions", "cases.detentions"],
  ["displaced", "cases.displaced"],
  ["civilian_objects", "array_to_string(cases.civilian_objects, ';')"],
  ["incendiary_weapons", "cases.incendiary_weapons"],
  ["stage", "cases.stage::text"],
  ["grading", "cases.grading::text"],
  ["closing_reason", "cases.closing_reason::text"],
  ["sent_to_belligerent", "standing.case_id is not null"],
  ["belligerent_answer", "standing.answer::text"],
  ["deaths_conceded_min", "standing.deaths_conceded_min"],
  ["deaths_conceded_max", "standing.deaths_conceded_max"],
  ["tags", "array_to_string(cases.tags, ';')"],
  ["narrative", "cases.narrative"],
];
const caseColumns = caseColumnSql.map(([name]) => name);
const internalCaseColumns = new Set(["tags", "narrative"]);
const governorateColumns = [caseColumns.indexOf("governorate_en"), caseColumns.indexOf("governorate_ar")];
const selectList = sql.raw(caseColumnSql.map(([name, expression]) => `${expression} as "${name}"`).join(", "));

const casesTable: ExportTable = {
  columns: caseColumns,
  async *rows(db, filter, audience) {
    const hidden = caseColumns.map((c) => audience === "public" && internalCaseColumns.has(c));
    const batches = prefetched(
      (after) =>
        rowsOf<Record<string, ExportCell>>(
          db,
          sql`select ${selectList}
            from cases left join lateral (
              select r.case_id, r.answer, r.deaths_conceded_min, r.deaths_conceded_max from belligerent_responses r
              where r.case_id = cases.id order by r.answer is not null desc, r.sent_at desc, r.id desc limit 1
            ) standing on true
            where ${and(countedCases(filter), gt(cases.reference, after))}
            order by cases.reference limit ${BATCH}`,
        ),
      (row) => row.reference as string,
    );
    for await (const batch of batches) {
      for (const row of batch) {
        const cells = Object.values(row);
        const governorate = governorateOf(row.governorate_pcode as string);
        cells[governorateColumns[0]] = governorate?.nameEn ?? null;
        cells[governorateColumns[1]] = governorate?.nameAr ?? null;
        for (let i = 0; i < cells.length; i++) if (hidden[i]) cells[i] = null;
        yield cells;
      }
    }
  },
};

/** A table of things recorded in cases: for each batch of counted cases, their items in order. */
function itemTable<T>(columns: readonly string[], read: (db: Db, caseIds: string[]) => Promise<(T & { caseId: string })[]>, cells: (item: T, reference: string, audience: Audience) => ExportCell[]): ExportTable {
  return {
    columns,
    async *rows(db, filter, audience) {
      for await (const batch of caseBatches(db, filter)) {
        const references = new Map(batch.map((c) => [c.id, c.reference]));
        const items = await read(db, batch.map((c) => c.id));
        const position = new Map(batch.map((c, i) => [c.id, i]));
        items.sort((a, b) => (position.get(a.caseId) as number) - (position.get(b.caseId) as number));
        for (const item of items) yield cells(item, references.get(item.caseId) as string, audience);
      }
    },
  };
}

const victimsTable = itemTable(
  ["case_reference", "victim_id", "name_ar", "name_latin", "sex", "age", "age_group", "outcome", "family_group", "identity_verification", "identity_withheld"],
  (db, ids) =>
    db
      .select({
        caseId: victims.caseId,
        id: victims.id,
        nameAr: victims.nameAr,
        nameLatin: victims.nameLatin,
        sex: victims.sex,
        age: victims.age,
        ageGroup: victims.ageGroup,
        outcome: victims.outcome,
        familyGroup: victims.familyGroup,
        identityVerification: victims.identityVerification,
        confidential: victims.confidential,
      })
      .from(victims)
      .where(inArray(victims.caseId, ids))
      .orderBy(asc(victims.createdAt), asc(victims.id)),
  (v, reference, audience) => {
    const withheld = audience === "public" && v.confidential;
    return [
      reference,
      v.id,
      withheld ? null : v.nameAr,
      withheld ? null : v.nameLatin,
      v.sex,
      withheld ? null : v.age,
      v.ageGroup,
      v.outcome,
      withheld ? null : v.familyGroup,
      v.identityVerification,
      v.confidential,
    ];
  },
);

const sourcesTable = itemTable(
  ["case_reference", "source_id", "type", "publisher", "title", "url", "published_on", "language", "identity_withheld"],
  (db, ids) => db.select().from(sources).where(inArray(sources.caseId, ids)).orderBy(asc(sources.createdAt), asc(sources.id)),
  (s, reference, audience) => {
    const withheld = audience === "public" && s.confidential;
    return [reference, s.id, s.type, withheld ? null : s.publisher, withheld ? null : s.title, withheld ? null : s.url, s.publishedOn, s.language, s.confidential];
  },
);

const redressTable = itemTable(
  ["case_reference", "item_id", "type", "status", "amount", "currency", "requested_on", "offered_on", "accepted_on", "settled_on", "beneficiaries", "description"],
  (db, ids) => db.select().from(redressItems).where(inArray(redressItems.caseId, ids)).orderBy(asc(redressItems.createdAt), asc(redressItems.id)),
  (r, reference, audience) => [
    reference,
    r.id,
    r.type,
    r.status,
    r.amount,
    r.currency,
    r.requestedOn,
    r.offeredOn,
    r.acceptedOn,
    r.settledOn,
    r.beneficiaryIds.length,
    audience === "public" ? null : r.description,
  ],
);

export const exportTables: Record<CsvKind, ExportTable> = { cases: casesTable, victims: victimsTable, sources: sourcesTable, redress: redressTable };

