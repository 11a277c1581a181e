import { and, asc, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cases, redressItems, sources, victims } from "@/db/schema";
import { governorateOf } from "@/lib/places/admin-areas";
import type { Audience, CsvKind } from "./export-kinds";
import { countedCases, type SummaryFilter } from "./filters";

/**
 * The records behind the figures, one table per kind, read in batches of cases (keyset on the
 * reference) so an export of any size holds one batch in memory. Column names and coded values are
 * stable identifiers for analysts' scripts (docs/methodology.md lists them); public exports blank
 * what could identify a confidential victim or source, and leave out internal text.
 */
export type ExportCell = string | number | boolean | null;
export type ExportTable = { columns: readonly string[]; rows: (db: Db, filter: SummaryFilter, audience: Audience) => AsyncGenerator<ExportCell[]> };

const BATCH = 1000;
const list = (values: readonly string[] | null) => (values ?? []).join(";");

type CaseRef = { id: string; reference: string };

/** The counted cases' ids and references, a batch at a time, in reference order. */
async function* caseBatches(db: Db, filter: SummaryFilter): AsyncGenerator<CaseRef[]> {
  let after = "";
  for (;;) {
    const batch = await db
      .select({ id: cases.id, reference: cases.reference })
      .from(cases)
      .where(and(countedCases(filter), gt(cases.reference, after)))
      .orderBy(asc(cases.reference))
      .limit(BATCH);
    if (batch.length) yield batch;
    if (batch.length < BATCH) return;
    after = batch[batch.length - 1].reference;
  }
}

const caseColumns = [
  "reference",
  "external_codes",
  "title",
  "incident_date_from",
  "incident_date_to",
  "date_precision",
  "country",
  "governorate_pcode",
  "governorate_en",
  "governorate_ar",
  "district_pcode",
  "locality_en",
  "locality_ar",
  "neighbourhood_en",
  "neighbourhood_ar",
  "latitude",
  "longitude",
  "location_accuracy",
  "belligerents",
  "means",
  "killed_min",
  "killed_max",
  "killed_children_min",
  "killed_children_max",
  "killed_women_min",
  "killed_women_max",
  "killed_men_min",
  "killed_men_max",
  "injured_min",
  "injured_max",
  "injured_children_min",
  "injured_children_max",
  "injured_women_min",
  "injured_women_max",
  "injured_men_min",
  "injured_men_max",
  "detentions",
  "displaced",
  "civilian_objects",
  "incendiary_weapons",
  "stage",
  "grading",
  "closing_reason",
  "sent_to_belligerent",
  "belligerent_answer",
  "deaths_conceded_min",
  "deaths_conceded_max",
  "tags",
  "narrative",
] as const;
const internalCaseColumns = new Set(["tags", "narrative"]);

// Written out with the table's name: drizzle leaves a column unqualified in a one-table select,
// and an unqualified "id" inside these subqueries would be the response's own.
const sentToBelligerent = sql.raw(`exists (select 1 from belligerent_responses r where r.case_id = "cases"."id")`);
const standingOf = (column: string) =>
  sql.raw(`(select r.${column} from belligerent_responses r where r.case_id = "cases"."id" and r.answer is not null order by r.sent_at desc, r.id desc limit 1)`);

const casesTable: ExportTable = {
  columns: caseColumns,
  async *rows(db, filter, audience) {
    let after = "";
    for (;;) {
      const batch = await db
        .select({
          c: cases,
          sent: sql<boolean>`${sentToBelligerent}`,
          answer: sql<string | null>`${standingOf("answer::text")}`,
          concededMin: sql<number | null>`${standingOf("deaths_conceded_min")}`,
          concededMax: sql<number | null>`${standingOf("deaths_conceded_max")}`,
        })
        .from(cases)
        .where(and(countedCases(filter), gt(cases.reference, after)))
        .orderBy(asc(cases.reference))
        .limit(BATCH);
      for (const { c, sent, answer, concededMin, concededMax } of batch) {
        const governorate = governorateOf(c.governoratePcode);
        const values: Record<(typeof caseColumns)[number], ExportCell> = {
          reference: c.reference,
          external_codes: list(c.externalCodes),
          title: c.title,
          incident_date_from: c.incidentDateFrom,
          incident_date_to: c.incidentDateTo,
          date_precision: c.datePrecision,
          country: c.country,
          governorate_pcode: c.governoratePcode,
          governorate_en: governorate?.nameEn ?? null,
          governorate_ar: governorate?.nameAr ?? null,
          district_pcode: c.districtPcode,
          locality_en: c.localityEn,
          locality_ar: c.localityAr,
          neighbourhood_en: c.neighbourhoodEn,
          neighbourhood_ar: c.neighbourhoodAr,
          latitude: c.latitude,
          longitude: c.longitude,
          location_accuracy: c.locationAccuracy,
          belligerents: list(c.belligerents),
          means: list(c.means),
          killed_min: c.killedMin,
          killed_max: c.killedMax,
          killed_children_min: c.killedChildrenMin,
          killed_children_max: c.killedChildrenMax,
          killed_women_min: c.killedWomenMin,
          killed_women_max: c.killedWomenMax,
          killed_men_min: c.killedMenMin,
          killed_men_max: c.killedMenMax,
          injured_min: c.injuredMin,
          injured_max: c.injuredMax,
          injured_children_min: c.injuredChildrenMin,
          injured_children_max: c.injuredChildrenMax,
          injured_women_min: c.injuredWomenMin,
          injured_women_max: c.injuredWomenMax,
          injured_men_min: c.injuredMenMin,
          injured_men_max: c.injuredMenMax,
          detentions: c.detentions,
          displaced: c.displaced,
          civilian_objects: list(c.civilianObjects),
          incendiary_weapons: c.incendiaryWeapons,
          stage: c.stage,
          grading: c.grading,
          closing_reason: c.closingReason,
          sent_to_belligerent: sent,
          belligerent_answer: answer,
          deaths_conceded_min: concededMin,
          deaths_conceded_max: concededMax,
          tags: list(c.tags),
          narrative: c.narrative,
        };
        yield caseColumns.map((column) => (audience === "public" && internalCaseColumns.has(column) ? null : values[column]));
      }
      if (batch.length < BATCH) return;
      after = batch[batch.length - 1].c.reference;
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
        items.sort((a, b) => (references.get(a.caseId) as string).localeCompare(references.get(b.caseId) as string));
        for (const item of items) yield cells(item, references.get(item.caseId) as string, audience);
      }
    },
  };
}

const victimsTable = itemTable(
  ["case_reference", "victim_id", "name_ar", "name_latin", "sex", "age", "age_group", "outcome", "family_group", "identity_verification", "identity_withheld"],
  (db, ids) => db.select().from(victims).where(inArray(victims.caseId, ids)).orderBy(asc(victims.createdAt), asc(victims.id)),
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

