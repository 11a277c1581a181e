import { sql } from "drizzle-orm";
import { bigserial, boolean, check, date, index, integer, numeric, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import {
  assessmentMethods,
  belligerentAnswers,
  nonCredibleReasons,
  redressStatuses,
  redressTypes,
  sendingChannels,
  sendingKinds,
} from "@/lib/cases/vocabulary";
import { moves } from "@/lib/cases/lifecycle";
import { cases, closingReasonEnum, gradingEnum, itemOfCase, stageEnum } from "./cases";
import { users } from "./users";

export const moveEnum = pgEnum("stage_move", moves);
export const assessmentMethodEnum = pgEnum("assessment_method", assessmentMethods);
export const sendingKindEnum = pgEnum("sending_kind", sendingKinds);
export const sendingChannelEnum = pgEnum("sending_channel", sendingChannels);
export const belligerentAnswerEnum = pgEnum("belligerent_answer", belligerentAnswers);
export const nonCredibleReasonEnum = pgEnum("non_credible_reason", nonCredibleReasons);
export const redressTypeEnum = pgEnum("redress_type", redressTypes);
export const redressStatusEnum = pgEnum("redress_status", redressStatuses);

/** Every stage move of a case, kept: the stage bar, the time spent in each stage and the reopenings read it. */
export const stageMoves = pgTable(
  "stage_moves",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    move: moveEnum("move").notNull(),
    fromStage: stageEnum("from_stage").notNull(),
    toStage: stageEnum("to_stage").notNull(),
    closingReason: closingReasonEnum("closing_reason"),
    reason: text("reason"),
    /** Evidence files of the case the move was made on (a reopening's new evidence). */
    evidenceIds: uuid("evidence_ids").array().notNull().default(sql`'{}'::uuid[]`),
    movedBy: uuid("moved_by")
      .notNull()
      .references(() => users.id),
    movedAt: timestamp("moved_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("stage_moves_case_idx").on(t.caseId, t.id)],
);

/** A reviewer's grading of a case. Kept over time; the latest one counts (and is copied to cases.grading). */
export const assessments = pgTable(
  "assessments",
  {
    ...itemOfCase(),
    grading: gradingEnum("grading").notNull(),
    method: assessmentMethodEnum("method").notNull(),
    /** For a field investigation: whether the site was visited, and how many witnesses were interviewed. */
    siteVisit: boolean("site_visit"),
    witnessesInterviewed: integer("witnesses_interviewed"),
    deathsMin: integer("deaths_min"),
    deathsMax: integer("deaths_max"),
    ihlConcerns: text("ihl_concerns"),
    reasoning: text("reasoning").notNull(),
    assessedBy: uuid("assessed_by")
      .notNull()
      .references(() => users.id),
    assessedAt: timestamp("assessed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("assessments_case_idx").on(t.caseId, t.assessedAt), check("assessments_deaths_ordered", sql`${t.deathsMin} <= ${t.deathsMax}`)],
);

/**
 * One sending of a case to a belligerent (the first submission or a re-evaluation request with new
 * evidence) and, once it comes, the belligerent's answer to it.
 */
export const belligerentResponses = pgTable(
  "belligerent_responses",
  {
    ...itemOfCase(),
    kind: sendingKindEnum("kind").notNull(),
    sentOn: date("sent_on", { mode: "string" }).notNull(),
    channel: sendingChannelEnum("channel").notNull(),
    sentReference: text("sent_reference"),
    evidenceIds: uuid("evidence_ids").array().notNull().default(sql`'{}'::uuid[]`),
    sentBy: uuid("sent_by")
      .notNull()
      .references(() => users.id),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    answer: belligerentAnswerEnum("answer"),
    nonCredibleReason: nonCredibleReasonEnum("non_credible_reason"),
    deathsConcededMin: integer("deaths_conceded_min"),
    deathsConcededMax: integer("deaths_conceded_max"),
    injuriesConcededMin: integer("injuries_conceded_min"),
    injuriesConcededMax: integer("injuries_conceded_max"),
    answeredOn: date("answered_on", { mode: "string" }),
    answerReference: text("answer_reference"),
    answerNote: text("answer_note"),
    answerRecordedBy: uuid("answer_recorded_by").references(() => users.id),
    answerRecordedAt: timestamp("answer_recorded_at", { withTimezone: true }),
  },
  (t) => [
    index("belligerent_responses_case_idx").on(t.caseId, t.sentAt),
    check("responses_reason_only_if_non_credible", sql`(${t.answer} = 'non_credible') = (${t.nonCredibleReason} is not null)`),
    check("responses_deaths_ordered", sql`${t.deathsConcededMin} <= ${t.deathsConcededMax}`),
    check("responses_injuries_ordered", sql`${t.injuriesConcededMin} <= ${t.injuriesConcededMax}`),
  ],
);

/** Something sought for the victims, and where it stands. */
export const redressItems = pgTable(
  "redress_items",
  {
    ...itemOfCase(),
    type: redressTypeEnum("type").notNull(),
    description: text("description"),
    /** Payments only: the amount in the currency's units (ISO 4217 code). */
    amount: numeric("amount", { precision: 14, scale: 2 }),
    currency: text("currency"),
    status: redressStatusEnum("status").notNull(),
    requestedOn: date("requested_on", { mode: "string" }),
    offeredOn: date("offered_on", { mode: "string" }),
    acceptedOn: date("accepted_on", { mode: "string" }),
    /** When it was delivered (paid), refused or denied. */
    settledOn: date("settled_on", { mode: "string" }),
    /** Victims of the case it is for. */
    beneficiaryIds: uuid("beneficiary_ids").array().notNull().default(sql`'{}'::uuid[]`),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("redress_items_case_idx").on(t.caseId),
    check("redress_amount_with_currency", sql`(${t.amount} is null) = (${t.currency} is null)`),
    check("redress_amount_positive", sql`${t.amount} > 0`),
  ],
);

export type StageMoveRow = typeof stageMoves.$inferSelect;
export type AssessmentRow = typeof assessments.$inferSelect;
export type BelligerentResponseRow = typeof belligerentResponses.$inferSelect;
export type RedressItemRow = typeof redressItems.$inferSelect;
