import { sql } from "drizzle-orm";
import { bigint, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { belligerentAnswerEnum, nonCredibleReasonEnum } from "./lifecycle";
import { users } from "./users";

/**
 * A belligerent's own published table of its assessments (the coalition's monthly civilian casualty
 * releases), brought in to be matched against our allegations (lib/reconcile). Its rows stay here;
 * a match a reviewer confirms records the answer on our case as if typed.
 */
export const reconciliations = pgTable(
  "reconciliations",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    fileName: text("file_name").notNull(),
    fileSize: bigint("file_size", { mode: "number" }).notNull(),
    fileSha256: text("file_sha256").notNull(),
    /** Where the table's bytes are kept (the evidence store): the provenance of the answers confirmed from it. */
    fileKey: text("file_key"),
    /** How it was read (the sheet, the column mapping, the date order, the release date), to read it again with another mapping. */
    sheet: text("sheet"),
    mapping: jsonb("mapping").$type<Record<string, string>>(),
    dateOrder: text("date_order"),
    releasedOn: date("released_on", { mode: "string" }),
    /** Whose table it is: one of our belligerent codes. */
    belligerent: text("belligerent").notNull(),
    /** How near a proposed match must be: days either side of its date, and km from its point. */
    windowDays: integer("window_days").notNull(),
    distanceKm: integer("distance_km").notNull(),
    rows: integer("rows").notNull(),
    /** The rows left out, as row + column + message key (the first 1,000). */
    problems: jsonb("problems").notNull().default(sql`'[]'::jsonb`),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("reconciliations_created_idx").on(t.createdAt)],
);

export const reconciliationDecisions = ["confirmed", "no_match"] as const;

/** One row of a belligerent's table, read; decided once a reviewer confirms its match or says none of ours is it. */
export const reconciliationRows = pgTable(
  "reconciliation_rows",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    reconciliationId: uuid("reconciliation_id")
      .notNull()
      .references(() => reconciliations.id),
    rowNumber: integer("row_number").notNull(),
    /** The belligerent's own reference for the incident (e.g. a release's case number). */
    theirReference: text("their_reference"),
    incidentDate: date("incident_date", { mode: "string" }).notNull(),
    governoratePcode: text("governorate_pcode"),
    locality: text("locality"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    answer: belligerentAnswerEnum("answer").notNull(),
    nonCredibleReason: nonCredibleReasonEnum("non_credible_reason"),
    deathsConcededMin: integer("deaths_conceded_min"),
    deathsConcededMax: integer("deaths_conceded_max"),
    answeredOn: date("answered_on", { mode: "string" }).notNull(),
    decision: text("decision", { enum: reconciliationDecisions }),
    /** The case a confirmed match recorded the answer on. */
    caseId: uuid("case_id").references(() => cases.id),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [index("reconciliation_rows_idx").on(t.reconciliationId, t.rowNumber)],
);

export type ReconciliationRow = typeof reconciliationRows.$inferSelect;
