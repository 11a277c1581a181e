import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { assessments, belligerentResponses, cases, type BelligerentResponseRow, type CaseRow } from "@/db/schema";
import { authorize, type Actor, type Principal } from "@/lib/auth/actor";
import { diff, recordAudit } from "@/lib/audit/record";
import { isUuid } from "@/lib/ids";
import { expectedFailure, fail, fieldErrorsOf, ok, type Result } from "@/lib/result";
import { lockCase } from "./access";
import { answerInput, assessmentInput, type AnswerInput, type AssessmentInput } from "./lifecycle-schemas";
import { latestSending, personOf } from "./stage-commands";

/**
 * Records a reviewer's assessment of a case in assessment. Assessments are kept; the new one is the
 * latest, so its grading becomes the case's.
 */
export async function assessCase(db: Db, by: Principal | null, caseId: string, input: unknown): Promise<Result<{ id: string }>> {
  try {
    const person = personOf(by);
    authorize(person, "case:assess");
    const parsed = assessmentInput.safeParse(input);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    return await db.transaction(async (tx) => {
      const current = await lockCase(tx, caseId);
      if (!current) return fail("notFound");
      return addAssessment(tx, person, current, parsed.data);
    });
  } catch (err) {
    return expectedFailure(err);
  }
}

/** An assessment of a locked case, in the caller's transaction (the form's, or an import's with the file and row as its reason). */
export async function addAssessment(tx: Tx, person: Actor, current: CaseRow, v: AssessmentInput, reason: string | null = null): Promise<Result<{ id: string }>> {
  if (current.stage !== "assessment") return fail("assessOnlyInAssessment");
  const [row] = await tx
    .insert(assessments)
    .values({ ...v, caseId: current.id, assessedBy: person.id })
    .returning({ id: assessments.id });
  await tx
    .update(cases)
    .set({ grading: v.grading, version: current.version + 1, updatedBy: person.id, updatedAt: new Date() })
    .where(eq(cases.id, current.id));
  await recordAudit(tx, {
    actor: person,
    action: "assessment.added",
    entityType: "assessment",
    entityId: row.id,
    caseId: current.id,
    // The case's grading changes from the previous assessment's to this one's.
    changes: { ...diff({}, v), grading: { from: current.grading, to: v.grading } },
    reason,
  });
  return ok({ id: row.id });
}

/**
 * Records (or corrects) the belligerent's answer to the latest sending of a case waiting on it, or
 * already in redress (an answer may come after redress was pursued without one).
 */
export async function recordAnswer(db: Db, by: Principal | null, responseId: string, input: unknown): Promise<Result<{ caseId: string }>> {
  try {
    const person = personOf(by);
    authorize(person, "case:record-response");
    const parsed = answerInput.safeParse(input);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    const v = parsed.data;
    if (!isUuid(responseId)) return fail("notFound");
    return await db.transaction(async (tx) => {
      const [sending] = await tx.select().from(belligerentResponses).where(eq(belligerentResponses.id, responseId));
      const current = sending && (await lockCase(tx, sending.caseId));
      if (!sending || !current) return fail("notFound");
      return answerSending(tx, person, current, sending, v);
    });
  } catch (err) {
    return expectedFailure(err);
  }
}

/** The answer to a sending of a locked case, in the caller's transaction (the form's, or an import's with the file and row as its reason). */
export async function answerSending(
  tx: Tx,
  person: Actor,
  current: CaseRow,
  sending: BelligerentResponseRow,
  v: AnswerInput,
  reason: string | null = null,
): Promise<Result<{ caseId: string }>> {
  if (current.stage !== "belligerent_response" && current.stage !== "redress") return fail("answerNotNow");
  const latest = await latestSending(tx, current.id);
  if (latest?.id !== sending.id) return fail("answerToLatestOnly");
  if (v.answeredOn < sending.sentOn) return fail("invalidInput", { answeredOn: ["beforeSent"] });
  const changes = diff(sending, v);
  if (Object.keys(changes).length === 0) return ok({ caseId: current.id });
  await tx
    .update(belligerentResponses)
    .set({ ...v, answerRecordedBy: person.id, answerRecordedAt: new Date() })
    .where(eq(belligerentResponses.id, sending.id));
  // "Not yet assessed" is an acknowledgement of receipt: the case still waits on the belligerent.
  const awaiting = v.answer === "not_yet_assessed" ? sending.sentOn : null;
  if (awaiting !== current.awaitingAnswerSince) await tx.update(cases).set({ awaitingAnswerSince: awaiting }).where(eq(cases.id, current.id));
  await recordAudit(tx, {
    actor: person,
    action: sending.answer ? "response.answerCorrected" : "response.answered",
    entityType: "response",
    entityId: sending.id,
    caseId: current.id,
    changes,
    reason,
  });
  return ok({ caseId: current.id });
}
