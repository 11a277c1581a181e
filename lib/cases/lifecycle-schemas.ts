import { z } from "zod";
import { isUuid } from "@/lib/ids";
import { blankToNull, count, flag, isoDate, list, optionalText, requiredText } from "./schema-parts";
import {
  assessmentMethods,
  belligerentAnswers,
  closingReasons,
  gradings,
  nonCredibleReasons,
  paymentTypes,
  redressStatuses,
  redressTypes,
  sendingChannels,
  sendingKinds,
} from "./vocabulary";

// The lifecycle's forms (and API bodies): stage moves, assessments, sendings and answers, redress,
// duplicates and assignment. Messages are keys under "errors." in the catalogues.

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: "required" });
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(blankToNull, z.enum(values, { error: "invalid" }).nullable());
const id = z.string({ error: "invalid" }).refine(isUuid, { error: "invalid" });
const ids = list(id);
const reason = optionalText(2000);
/** Cross-field rules run even when a field failed on its own, so every problem is reported at once. */
const everyProblem = { when: () => true };

/** Reports min above max on the max field, as the filing form does. */
function ordered<T extends Record<string, unknown>>(pairs: [keyof T & string, keyof T & string][]) {
  return (v: T, ctx: z.RefinementCtx) => {
    for (const [min, max] of pairs) {
      const a = v[min];
      const b = v[max];
      if (typeof a === "number" && typeof b === "number" && a > b) ctx.addIssue({ code: "custom", path: [max], message: "minAboveMax" });
    }
  };
}

/** The moves that need nothing but a reason: sending has its own form (sendingInput), as has marking a duplicate. */
export const moveInput = z
  .object({
    move: z.enum(["submit", "pursue_redress", "close", "reopen"], { error: "invalid" }),
    closingReason: optionalChoice(closingReasons),
    reason,
    withoutAnswer: flag.optional().default(false),
    evidenceIds: ids.optional().default([]),
  })
  .superRefine((v, ctx) => {
    if (v.move === "close" && !v.closingReason) ctx.addIssue({ code: "custom", path: ["closingReason"], message: "required" });
  });
export type MoveInput = z.output<typeof moveInput>;

export const assessmentInput = z
  .object({
    grading: choice(gradings),
    method: choice(assessmentMethods),
    siteVisit: flag.optional().default(false),
    witnessesInterviewed: count,
    deathsMin: count,
    deathsMax: count,
    ihlConcerns: optionalText(5000),
    reasoning: requiredText(20_000),
  })
  .superRefine(ordered([["deathsMin", "deathsMax"]]), everyProblem)
  // A desk review visits no site and hears no witness: those fields only mean something for a field investigation.
  .transform((v) => (v.method === "desk_review" ? { ...v, siteVisit: null, witnessesInterviewed: null } : v));
export type AssessmentInput = z.output<typeof assessmentInput>;

export const sendingInput = z
  .object({
    kind: choice(sendingKinds).default("submission"),
    sentOn: isoDate,
    channel: choice(sendingChannels),
    sentReference: optionalText(200),
    evidenceIds: ids.optional().default([]),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "re_evaluation" && v.evidenceIds.length === 0) ctx.addIssue({ code: "custom", path: ["evidenceIds"], message: "chooseEvidence" });
  });
export type SendingInput = z.output<typeof sendingInput>;

export const answerInput = z
  .object({
    answer: choice(belligerentAnswers),
    nonCredibleReason: optionalChoice(nonCredibleReasons),
    deathsConcededMin: count,
    deathsConcededMax: count,
    injuriesConcededMin: count,
    injuriesConcededMax: count,
    answeredOn: isoDate,
    answerReference: optionalText(200),
    answerNote: optionalText(5000),
  })
  .superRefine(
    ordered([
      ["deathsConcededMin", "deathsConcededMax"],
      ["injuriesConcededMin", "injuriesConcededMax"],
    ]),
    everyProblem,
  )
  .superRefine((v, ctx) => {
    if (v.answer === "non_credible" && !v.nonCredibleReason) ctx.addIssue({ code: "custom", path: ["nonCredibleReason"], message: "required" });
    if (v.nonCredibleReason === "other" && !v.answerNote) ctx.addIssue({ code: "custom", path: ["answerNote"], message: "explainOther" });
  }, everyProblem)
  .transform((v) => ({ ...v, nonCredibleReason: v.answer === "non_credible" ? v.nonCredibleReason : null }));
export type AnswerInput = z.output<typeof answerInput>;

/** An amount of money, up to 12 digits and 2 decimals, kept as its decimal text (never a float). */
const amount = z.preprocess(
  (v) => (typeof v === "number" ? String(v) : typeof v === "string" ? (v.trim() === "" ? null : v.trim().replace(/[ ,](?=\d{3}\b)/g, "")) : v ?? null),
  z
    .string({ error: "notANumber" })
    .regex(/^\d{1,12}(\.\d{1,2})?$/, { error: "invalidAmount" })
    .refine((s) => Number(s) > 0, { error: "invalidAmount" })
    .nullable(),
);
const currency = z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? null : v.trim().toUpperCase()) : v ?? null),
  z.string({ error: "invalid" }).regex(/^[A-Z]{3}$/, { error: "invalidCurrency" }).nullable(),
);

export const redressInput = z
  .object({
    type: choice(redressTypes),
    description: optionalText(2000),
    amount,
    currency,
    requestedOn: isoDate,
    beneficiaryIds: ids.optional().default([]),
  })
  .superRefine((v, ctx) => {
    const payment = (paymentTypes as readonly string[]).includes(v.type);
    for (const field of ["amount", "currency"] as const) {
      if (payment && !v[field]) ctx.addIssue({ code: "custom", path: [field], message: "required" });
      if (!payment && v[field]) ctx.addIssue({ code: "custom", path: [field], message: "onlyForPayments" });
    }
  }, everyProblem);
export type RedressInput = z.output<typeof redressInput>;

export const redressStatusInput = z.object({
  status: choice(redressStatuses),
  on: isoDate,
  version: z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(1, { error: "invalid" }),
  reason,
});
export type RedressStatusInput = z.output<typeof redressStatusInput>;

/** The original is named by its reference (ALG-2017-0042) or its id. */
export const duplicateInput = z.object({
  original: requiredText(60),
  reason,
});

export const assignmentInput = z.object({
  assigneeId: z.preprocess(blankToNull, id.nullable()),
});
