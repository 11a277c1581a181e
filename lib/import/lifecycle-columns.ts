import type { z } from "zod";
import { decideMove, type CaseFacts, type MoveRequest } from "@/lib/cases/lifecycle";
import { answerInput, assessmentInput, sendingInput, type AnswerInput, type AssessmentInput, type SendingInput } from "@/lib/cases/lifecycle-schemas";
import { stages, type BelligerentAnswer, type ClosingReason, type Grading, type Stage } from "@/lib/cases/vocabulary";
import { lifecycleFields, type ImportField } from "./fields";
import { listOfField } from "./lists";
import type { RowReader } from "./row-reader";
import { importDate, importRange, westernDigits, type DateOrder } from "./row-values";

/**
 * Where the other monitor already has the allegation: its stage, grading, the belligerent's answer
 * and the deaths it conceded. The commit makes the very moves a person would (lib/import/apply-lifecycle.ts),
 * each in the trail with the file and row as its reason; here they are checked by the same stage
 * machine and forms, so the preview reports every row the commit would refuse.
 */
export type ImportedLifecycle = {
  stage: Stage;
  /** Its reasoning is written at commit: the file and row the grading came from. */
  assessment: AssessmentInput | null;
  sending: SendingInput | null;
  answer: AnswerInput | null;
  closingReason: ClosingReason | null;
};


// The stage machine's refusals name who moves; an import is always a reviewer's or a manager's, who may make every move.
const importer = { id: "import", role: "reviewer" } as const;

/** The row's lifecycle columns read and checked, or null when it has none (the allegation starts in submission) or a problem. */
export function readLifecycle(r: RowReader<ImportField>, dateOrder: DateOrder, incidentDateFrom: string): ImportedLifecycle | null {
  if (!lifecycleFields.some((f) => r.cell(f))) return null;
  const before = r.problems.length;
  const code = (field: ImportField) => r.codes(field, listOfField[field]!)[0];
  const named = code("stage") as Stage | undefined;
  const grading = code("grading") as Grading | undefined;
  const answer = code("answer") as BelligerentAnswer | undefined;
  const nonCredibleReason = code("nonCredibleReason");
  const closingReason = code("closingReason") as ClosingReason | undefined;
  // A value outside our lists is already a problem: nothing more is worth saying about the row's lifecycle.
  if (r.problems.length > before) return null;

  const sentOn = r.cell("sentOn") ? importDate(r.cell("sentOn"), dateOrder) : "";
  const answeredOn = r.cell("answeredOn") ? importDate(r.cell("answeredOn"), dateOrder) : "";
  const answered = Boolean(answer || answeredOn || r.cell("deathsConceded") || r.cell("deathsConcededMin") || r.cell("deathsConcededMax"));
  const sent = answered || Boolean(sentOn);
  // Without a stage column, the furthest stage what the row gives implies.
  const stage: Stage = named ?? (closingReason ? "closed" : sent ? "belligerent_response" : grading ? "assessment" : "submission");
  const at = stages.indexOf(stage);
  if ((grading && at < 1) || (sent && stage !== "closed" && at < 2)) r.problem("stage", "importStageBeforeData", { value: r.cell("stage") });

  const assessment = grading ? checked(r, assessmentInput, { grading, method: "desk_review", reasoning: "-" }, { grading: "grading" }) : null;
  // A file that says only when the belligerent answered: the allegation was sent by then at the latest.
  let sending: SendingInput | null = null;
  if (sent && !sentOn && !answeredOn) r.problem("sentOn", "importNeedsSentOn");
  else if (sent) sending = checked(r, sendingInput, { kind: "submission", sentOn: sentOn || answeredOn, channel: "other" }, { sentOn: sentOn ? "sentOn" : "answeredOn" });
  if (sending && sending.sentOn < incidentDateFrom) r.problem(r.cell("sentOn") ? "sentOn" : "answeredOn", "beforeIncident");
  let conceded: { min: string; max: string } = importRange(r.cell("deathsConceded"));
  if (r.cell("deathsConcededMin") || r.cell("deathsConcededMax")) conceded = { min: westernDigits(r.cell("deathsConcededMin")), max: westernDigits(r.cell("deathsConcededMax")) };
  const answerGiven = answered
    ? checked(
        r,
        answerInput,
        { answer: answer ?? "", nonCredibleReason: nonCredibleReason ?? "", deathsConcededMin: conceded.min, deathsConcededMax: conceded.max, answeredOn: answeredOn || undefined },
        {
          answer: "answer",
          nonCredibleReason: "nonCredibleReason",
          deathsConcededMin: r.cell("deathsConcededMin") ? "deathsConcededMin" : "deathsConceded",
          deathsConcededMax: r.cell("deathsConcededMax") ? "deathsConcededMax" : "deathsConceded",
          answeredOn: "answeredOn",
          answerNote: "nonCredibleReason",
        },
      )
    : null;
  if (answerGiven && sending && answerGiven.answeredOn < sending.sentOn) r.problem("answeredOn", "beforeSent");

  // The moves a person would make, each asked of the stage machine with the facts the earlier ones leave.
  const facts: CaseFacts = { stage: "submission", createdBy: importer.id, recordComplete: true, latestGrading: null, duplicateOf: null, latestAnswer: null, redressItems: [] };
  const move = (request: MoveRequest) => {
    const decision = decideMove(facts, request, importer);
    if (!decision.ok) {
      r.problem(request.move === "close" ? "closingReason" : "stage", decision.problem, { value: r.cell("stage") });
      return false;
    }
    facts.stage = decision.to;
    return true;
  };
  if (stage === "closed" && !closingReason) r.problem("closingReason", "required");
  else if (at >= 1 && move({ move: "submit" })) {
    facts.latestGrading = grading ?? null;
    const toResponse = !sent || move({ move: "send_to_belligerent" });
    facts.latestAnswer = answer ?? null;
    if (toResponse && stage === "redress") move({ move: "pursue_redress" });
    if (toResponse && stage === "closed") move({ move: "close", reason: closingReason! });
  }
  if (r.problems.length > before) return null;
  return { stage, assessment, sending, answer: answerGiven, closingReason: stage === "closed" ? closingReason! : null };
}

/**
 * A lifecycle form's own schema over what the row gives; each error reported on the file's column it
 * came from (`from`: form field → import field), null when the form refuses it.
 */
function checked<T>(r: RowReader<ImportField>, schema: z.ZodType<T>, input: Record<string, unknown>, from: Record<string, ImportField>): T | null {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  r.report(parsed.error, (f) => from[f] ?? "stage");
  return null;
}
