import { sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  ageGroups,
  closingReasons,
  datePrecisions,
  gradings,
  identityVerifications,
  locationAccuracies,
  sexes,
  sourceTypes,
  stages,
  victimOutcomes,
} from "@/lib/cases/vocabulary";
import { users } from "./users";

export const stageEnum = pgEnum("case_stage", stages);
export const gradingEnum = pgEnum("grading", gradings);
export const datePrecisionEnum = pgEnum("date_precision", datePrecisions);
export const locationAccuracyEnum = pgEnum("location_accuracy", locationAccuracies);
export const sourceTypeEnum = pgEnum("source_type", sourceTypes);
export const sexEnum = pgEnum("sex", sexes);
export const ageGroupEnum = pgEnum("age_group", ageGroups);
export const victimOutcomeEnum = pgEnum("victim_outcome", victimOutcomes);
export const identityVerificationEnum = pgEnum("identity_verification", identityVerifications);
export const closingReasonEnum = pgEnum("closing_reason", closingReasons);

/** The last number handed out per incident year: references are never reused, even after a deletion. */
export const referenceCounters = pgTable("reference_counters", {
  year: integer("year").primaryKey(),
  lastNumber: integer("last_number").notNull(),
});

const range = (name: string) => ({
  min: integer(`${name}_min`),
  max: integer(`${name}_max`),
});

export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    reference: text("reference").notNull(),
    /** The source's own codes: an Airwars code like CS483, a belligerent's report number. */
    externalCodes: text("external_codes").array().notNull().default(sql`'{}'::text[]`),
    title: text("title").notNull(),
    incidentDateFrom: date("incident_date_from", { mode: "string" }).notNull(),
    incidentDateTo: date("incident_date_to", { mode: "string" }).notNull(),
    datePrecision: datePrecisionEnum("date_precision").notNull(),
    country: text("country").notNull(),
    governoratePcode: text("governorate_pcode").notNull(),
    districtPcode: text("district_pcode"),
    localityEn: text("locality_en"),
    localityAr: text("locality_ar"),
    neighbourhoodEn: text("neighbourhood_en"),
    neighbourhoodAr: text("neighbourhood_ar"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    locationAccuracy: locationAccuracyEnum("location_accuracy"),
    belligerents: text("belligerents").array().notNull(),
    means: text("means").array().notNull(),
    killedMin: range("killed").min,
    killedMax: range("killed").max,
    killedChildrenMin: range("killed_children").min,
    killedChildrenMax: range("killed_children").max,
    killedWomenMin: range("killed_women").min,
    killedWomenMax: range("killed_women").max,
    killedMenMin: range("killed_men").min,
    killedMenMax: range("killed_men").max,
    injuredMin: range("injured").min,
    injuredMax: range("injured").max,
    injuredChildrenMin: range("injured_children").min,
    injuredChildrenMax: range("injured_children").max,
    injuredWomenMin: range("injured_women").min,
    injuredWomenMax: range("injured_women").max,
    injuredMenMin: range("injured_men").min,
    injuredMenMax: range("injured_men").max,
    detentions: integer("detentions"),
    displaced: integer("displaced"),
    civilianObjects: text("civilian_objects").array().notNull().default(sql`'{}'::text[]`),
    incendiaryWeapons: boolean("incendiary_weapons").notNull().default(false),
    narrative: text("narrative").notNull().default(""),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    stage: stageEnum("stage").notNull().default("submission"),
    /** The grading of the latest assessment (none until a reviewer assesses the case). */
    grading: gradingEnum("grading"),
    /** When the case entered its current stage (its filing, for a case still in submission). */
    stageEnteredAt: timestamp("stage_entered_at", { withTimezone: true }).notNull().defaultNow(),
    /** Why a closed case was closed; null while it is open. */
    closingReason: closingReasonEnum("closing_reason"),
    /** The canonical case this one duplicates: a duplicate is closed and never counted in any figure. */
    duplicateOf: uuid("duplicate_of").references((): AnyPgColumn => cases.id),
    /** The day the case was sent to the belligerent, while its answer is awaited (for the overdue flag). */
    awaitingAnswerSince: date("awaiting_answer_since", { mode: "string" }),
    assigneeId: uuid("assignee_id").references(() => users.id),
    /** Normalised words of the reference, title, narrative, place and victim names (lib/cases/search-text.ts). */
    searchText: text("search_text").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by")
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("cases_reference_key").on(t.reference),
    // Lists, counts and duplicate checks only ever look at live cases: partial indexes stay small,
    // give the list's sort orders without a sort and count a page's total from the index alone.
    index("cases_incident_date_idx").on(t.incidentDateFrom, t.id).where(sql`${t.deletedAt} is null`),
    index("cases_updated_at_idx").on(t.updatedAt, t.id).where(sql`${t.deletedAt} is null`),
    index("cases_killed_max_idx").on(t.killedMax.desc().nullsLast(), t.id.desc().nullsFirst()).where(sql`${t.deletedAt} is null`),
    index("cases_stage_idx").on(t.stage),
    index("cases_grading_idx").on(t.grading),
    // Governorate p-codes are unique across countries, so the place index starts with the governorate.
    index("cases_place_idx").on(t.governoratePcode, t.incidentDateFrom).where(sql`${t.deletedAt} is null`),
    index("cases_location_idx").on(t.latitude, t.longitude).where(sql`${t.deletedAt} is null and ${t.latitude} is not null`),
    index("cases_assignee_idx").on(t.assigneeId),
    index("cases_duplicate_of_idx").on(t.duplicateOf),
    index("cases_awaiting_answer_idx").on(t.awaitingAnswerSince).where(sql`${t.awaitingAnswerSince} is not null and ${t.deletedAt} is null`),
    index("cases_created_by_idx").on(t.createdBy),
    index("cases_belligerents_idx").using("gin", t.belligerents),
    index("cases_tags_idx").using("gin", t.tags),
    // The expression must stay exactly the one lib/cases/queries.ts searches with, or the index is not used.
    // Not partial: PostgreSQL keeps statistics on the expression of a full index only, and without
    // them a search for a rare word is planned as a walk of the whole date index (seconds, not ms).
    index("cases_search_idx").using("gin", sql`to_tsvector('simple', ${t.searchText})`),
    check("cases_dates_ordered", sql`${t.incidentDateFrom} <= ${t.incidentDateTo}`),
    check("cases_killed_ordered", sql`${t.killedMin} <= ${t.killedMax}`),
    check("cases_injured_ordered", sql`${t.injuredMin} <= ${t.injuredMax}`),
  ],
);

/** Every victim, source, evidence file and comment: its own id and the case it belongs to. */
export const itemOfCase = () => ({
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  caseId: uuid("case_id")
    .notNull()
    .references(() => cases.id),
});

/** Who added a victim or a source, and when it was added and last changed. */
const contributionBookkeeping = () => ({
  createdBy: uuid("created_by")
    .notNull()
    .references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const victims = pgTable(
  "victims",
  {
    ...itemOfCase(),
    nameAr: text("name_ar"),
    nameLatin: text("name_latin"),
    sex: sexEnum("sex").notNull().default("unknown"),
    age: integer("age"),
    ageGroup: ageGroupEnum("age_group").notNull().default("unknown"),
    outcome: victimOutcomeEnum("outcome").notNull(),
    familyGroup: text("family_group"),
    identityVerification: identityVerificationEnum("identity_verification").notNull().default("single_source"),
    confidential: boolean("confidential").notNull().default(false),
    ...contributionBookkeeping(),
  },
  (t) => [index("victims_case_idx").on(t.caseId)],
);

export const sources = pgTable(
  "sources",
  {
    ...itemOfCase(),
    type: sourceTypeEnum("type").notNull(),
    publisher: text("publisher"),
    title: text("title"),
    url: text("url"),
    publishedOn: date("published_on", { mode: "string" }),
    language: text("language"),
    confidential: boolean("confidential").notNull().default(false),
    ...contributionBookkeeping(),
  },
  (t) => [index("sources_case_idx").on(t.caseId)],
);

export const evidenceFiles = pgTable(
  "evidence_files",
  {
    ...itemOfCase(),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    /** Where the bytes are in the evidence store (a path under the data folder, or an S3 key). */
    storageKey: text("storage_key").notNull(),
    description: text("description"),
    addedBy: uuid("added_by")
      .notNull()
      .references(() => users.id),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [index("evidence_case_idx").on(t.caseId)],
);

export const comments = pgTable(
  "comments",
  {
    ...itemOfCase(),
    body: text("body").notNull(),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("comments_case_idx").on(t.caseId)],
);

export type CaseRow = typeof cases.$inferSelect;
export type NewCaseRow = typeof cases.$inferInsert;
export type VictimRow = typeof victims.$inferSelect;
export type SourceRow = typeof sources.$inferSelect;
export type EvidenceRow = typeof evidenceFiles.$inferSelect;
export type CommentRow = typeof comments.$inferSelect;
