import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { belligerentResponses, cases, evidenceFiles, redressItems, stageMoves, type CaseRow } from "@/db/schema";
import { authorize, authorizeAny, ForbiddenError, type Actor, type Principal } from "@/lib/auth/actor";
import { diff, recordAudit } from "@/lib/audit/record";
import type { FieldChange } from "@/db/schema";
import { isUuid } from "@/lib/ids";
import { expectedFailure, fail, fieldErrorsOf, ok, refuse, type Result } from "@/lib/result";
import { lockCase } from "./access";
import { caseFactsOf } from "./lifecycle-facts";
import { decideMove, type CaseFacts, type MoveRequest } from "./lifecycle";
import { duplicateInput, moveInput, sendingInput, type SendingInput } from "./lifecycle-schemas";

/** The signed-in person behind a lifecycle command: the machine decides by role, so the system may not move cases. */
export function personOf(by: Principal | null): Actor {
  if (!by) throw new ForbiddenError("signed-in");
  if (by.kind !== "user") throw new ForbiddenError("case:move-stage");
  return by;
}

/** The latest sending of a case to the belligerent (the one an answer or a re-evaluation concerns), if any. */
export async function latestSending(tx: Tx, caseId: string) {
  const [row] = await tx
    .select()
    .from(belligerentResponses)
    .where(eq(belligerentResponses.caseId, caseId))
    .orderBy(desc(belligerentResponses.sentAt), desc(belligerentResponses.id))
    .limit(1);
  return row;
}

/** What the stage machine needs to know about a locked case. */
export async function caseFacts(tx: Tx, c: CaseRow): Promise<CaseFacts> {
  const latest = await latestSending(tx, c.id);
  const items = await tx.select({ status: redressItems.status }).from(redressItems).where(eq(redressItems.caseId, c.id));
  return caseFactsOf(c, latest?.answer ?? null, items.map((i) => i.status));
}

type ChosenEvidence = { ids: string[]; names: string[] };

/** The live evidence files of the case among `ids` (their names go into the trail); a field error names any that are not. */
export async function checkEvidence(tx: Tx, caseId: string, ids: string[]): Promise<Result<ChosenEvidence>> {
  if (ids.length === 0) return ok({ ids: [], names: [] });
  const found = await tx
    .select({ id: evidenceFiles.id, fileName: evidenceFiles.fileName })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.caseId, caseId), inArray(evidenceFiles.id, ids), isNull(evidenceFiles.removedAt)))
    .orderBy(asc(evidenceFiles.addedAt));
  if (found.length !== new Set(ids).size) return fail("invalidInput", { evidenceIds: ["notOfThisCase"] });
  return ok({ ids: found.map((f) => f.id), names: found.map((f) => f.fileName) });
}

type MoveOptions = {
  reason?: string | null;
  evidence?: ChosenEvidence;
  /** Other columns of the case written with the move. */
  set?: Partial<typeof cases.$inferInsert>;
  /** Changes recorded in the move's audit event besides the stage and the closing reason. */
  changes?: Record<string, FieldChange>;
  /** The facts as the caller has already changed them in this transaction. */
  facts?: Partial<CaseFacts>;
  action?: string;
};

/**
 * Moves a locked case if the stage machine allows it: the stage, the move's record and one audit
 * event (from → to, with the reason), all in the caller's transaction. The case row was locked
 * first, so a concurrent move of the same case waits here and then meets the new stage.
 */
export async function applyMove(tx: Tx, by: Actor, current: CaseRow, request: MoveRequest, options: MoveOptions = {}): Promise<Result<{ stage: string }>> {
  const facts = { ...(await caseFacts(tx, current)), ...options.facts };
  const decision = decideMove(facts, request, by);
  if (!decision.ok) return decision.problem === "forbidden" ? fail("forbidden") : fail(decision.problem);
  const closingReason = request.move === "close" ? request.reason : null;
  const now = new Date();
  await tx
    .update(cases)
    .set({
      stage: decision.to,
      stageEnteredAt: now,
      closingReason,
      // Nothing is awaited from the belligerent on a closed case.
      ...(decision.to === "closed" ? { awaitingAnswerSince: null } : {}),
      ...options.set,
      version: current.version + 1,
      updatedBy: by.id,
      updatedAt: now,
    })
    .where(eq(cases.id, current.id));
  await tx.insert(stageMoves).values({
    caseId: current.id,
    move: request.move,
    fromStage: decision.from,
    toStage: decision.to,
    closingReason,
    reason: options.reason ?? null,
    evidenceIds: options.evidence?.ids ?? [],
    movedBy: by.id,
    movedAt: now,
  });
  const changes: Record<string, FieldChange> = { stage: { from: decision.from, to: decision.to } };
  if (closingReason !== current.closingReason) changes.closingReason = { from: current.closingReason, to: closingReason };
  if (options.evidence?.ids.length) changes.evidence = { from: null, to: options.evidence.names };
  await recordAudit(tx, {
    actor: by,
    action: options.action ?? `case.${request.move}`,
    entityType: "case",
    entityId: current.id,
    caseId: current.id,
    changes: { ...changes, ...options.changes },
    reason: options.reason ?? null,
  });
  return ok({ stage: decision.to });
}

/** Submit, pursue redress, close or reopen a case: the moves that need nothing but their reason and evidence. */
export async function moveCase(db: Db, by: Principal | null, caseId: string, input: unknown): Promise<Result<{ stage: string }>> {
  try {
    const person = personOf(by);
    // The stage machine decides which move a role may make; a role that may make none is refused before its input is read.
    authorizeAny(person, ["case:edit-own-submission", "case:move-stage", "case:reopen"]);
    const parsed = moveInput.safeParse(input);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    const v = parsed.data;
    return await db.transaction(async (tx) => {
      const current = await lockCase(tx, caseId);
      if (!current) return fail("notFound");
      const evidence = await checkEvidence(tx, caseId, v.move === "reopen" ? v.evidenceIds : []);
      if (!evidence.ok) return evidence;
      const request: MoveRequest =
        v.move === "close"
          ? { move: "close", reason: v.closingReason! }
          : v.move === "pursue_redress"
            ? { move: "pursue_redress", withoutAnswer: v.withoutAnswer, reason: v.reason }
            : v.move === "reopen"
              ? { move: "reopen", reason: v.reason }
              : { move: "submit" };
      // Reopening a case closed as a duplicate undoes the link: it is its own case again.
      const unlink = v.move === "reopen" && current.duplicateOf ? { duplicateOf: null } : undefined;
      return applyMove(tx, person, current, request, {
        reason: v.reason,
        evidence: evidence.value,
        set: unlink,
        changes: unlink ? { duplicateOf: { from: await referenceOf(tx, current.duplicateOf!), to: null } } : undefined,
      });
    });
  } catch (err) {
    return expectedFailure(err);
  }
}

/**
 * Records a sending to the belligerent. From assessment it is the move to belligerent response;
 * later (belligerent response, redress) only a re-evaluation request once the last sending was answered.
 */
export async function sendToBelligerent(db: Db, by: Principal | null, caseId: string, input: unknown): Promise<Result<{ id: string }>> {
  try {
    const person = personOf(by);
    authorize(person, "case:record-response");
    const parsed = sendingInput.safeParse(input);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    const v = parsed.data;
    return await db.transaction(async (tx) => {
      const current = await lockCase(tx, caseId);
      if (!current) return fail("notFound");
      const evidence = await checkEvidence(tx, caseId, v.evidenceIds);
      if (!evidence.ok) return evidence;
      return addSending(tx, person, current, v, evidence.value);
    });
  } catch (err) {
    return expectedFailure(err);
  }
}

/**
 * A sending of a locked case, in the caller's transaction (the form's, or an import's with the file and
 * row as its reason): from assessment the move to belligerent response, later a re-evaluation request.
 */
export async function addSending(
  tx: Tx,
  person: Actor,
  current: CaseRow,
  v: SendingInput,
  evidence: ChosenEvidence,
  reason: string | null = null,
): Promise<Result<{ id: string }>> {
  const previous = await latestSending(tx, current.id);
  if (v.kind === "re_evaluation" && !previous) return fail("invalidInput", { kind: ["noEarlierSending"] });
  if (v.sentOn < current.incidentDateFrom) return fail("invalidInput", { sentOn: ["beforeIncident"] });
  const [row] = await tx
    .insert(belligerentResponses)
    .values({ ...v, evidenceIds: evidence.ids, caseId: current.id, sentBy: person.id })
    .returning({ id: belligerentResponses.id });
  if (current.stage === "assessment") {
    const moved = await applyMove(tx, person, current, { move: "send_to_belligerent" }, { set: { awaitingAnswerSince: v.sentOn }, reason });
    if (!moved.ok) refuse(moved);
  } else if (current.stage === "belligerent_response" || current.stage === "redress") {
    if (v.kind !== "re_evaluation") refuse(fail("invalidInput", { kind: ["onlyReEvaluationNow"] }));
    if (!previous?.answer) refuse(fail("awaitingAnswer"));
    await tx.update(cases).set({ awaitingAnswerSince: v.sentOn }).where(eq(cases.id, current.id));
  } else {
    refuse(fail("notFromThisStage"));
  }
  await recordAudit(tx, {
    actor: person,
    action: `response.${v.kind === "re_evaluation" ? "reEvaluationRequested" : "sent"}`,
    entityType: "response",
    entityId: row.id,
    caseId: current.id,
    changes: diff({}, {
      kind: v.kind,
      sentOn: v.sentOn,
      channel: v.channel,
      sentReference: v.sentReference ?? undefined,
      evidence: evidence.names.length ? evidence.names : undefined,
    }),
    reason,
  });
  return ok({ id: row.id });
}

async function referenceOf(tx: Tx, id: string): Promise<string> {
  const [row] = await tx.select({ reference: cases.reference }).from(cases).where(eq(cases.id, id));
  return row?.reference ?? id;
}

/**
 * Marks a case as a duplicate of another (named by reference or id) and closes it with the reason
 * "duplicate". Links always point at the canonical case: the original may not itself be a duplicate,
 * and a case that others duplicate cannot become one. Both cases' trails record the link.
 */
export async function markDuplicate(db: Db, by: Principal | null, caseId: string, input: unknown): Promise<Result<{ originalId: string }>> {
  try {
    const person = personOf(by);
    authorize(person, "case:link-duplicate");
    const parsed = duplicateInput.safeParse(input);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    const { original: named, reason } = parsed.data;
    return await db.transaction(async (tx) => {
      const [target] = await tx
        .select({ id: cases.id })
        .from(cases)
        .where(and(isNull(cases.deletedAt), isUuid(named) ? eq(cases.id, named) : eq(cases.reference, String(named).toUpperCase())));
      if (!target) return fail("invalidInput", { original: ["noSuchCase"] });
      if (target.id === caseId) return fail("invalidInput", { original: ["duplicateOfItself"] });
      // Both rows locked in a fixed order, so two people linking the same pair the other way round cannot deadlock.
      const locked = new Map<string, CaseRow>();
      for (const id of [caseId, target.id].sort()) {
        const row = await lockCase(tx, id);
        if (row) locked.set(id, row);
      }
      const current = locked.get(caseId);
      const original = locked.get(target.id);
      if (!current) return fail("notFound");
      if (!original) return fail("invalidInput", { original: ["noSuchCase"] });
      const linked = await linkDuplicate(tx, person, current, original, reason);
      if (!linked.ok) return linked;
      return ok({ originalId: original.id });
    });
  } catch (err) {
    return expectedFailure(err);
  }
}

/**
 * `current` (locked) closed as a duplicate of `original` (locked), both trails recording the link, in
 * the caller's transaction: a person's link, or an import's row linked to the allegation it repeats.
 * The original may not itself be a duplicate, and a case that others duplicate cannot become one.
 */
export async function linkDuplicate(tx: Tx, person: Actor, current: CaseRow, original: CaseRow, reason?: string | null): Promise<Result> {
  if (original.duplicateOf) {
    return fail("originalIsDuplicate", undefined, { reference: await referenceOf(tx, original.duplicateOf) });
  }
  const [dependant] = await tx.select({ reference: cases.reference }).from(cases).where(eq(cases.duplicateOf, current.id)).orderBy(asc(cases.reference)).limit(1);
  if (dependant) return fail("hasDuplicates", undefined, { reference: dependant.reference });
  const moved = await applyMove(
    tx,
    person,
    current,
    { move: "close", reason: "duplicate" },
    {
      reason,
      set: { duplicateOf: original.id },
      facts: { duplicateOf: original.id },
      changes: { duplicateOf: { from: null, to: original.reference } },
      action: "case.markedDuplicate",
    },
  );
  if (!moved.ok) return moved;
  await recordAudit(tx, {
    actor: person,
    action: "case.duplicateLinked",
    entityType: "case",
    entityId: original.id,
    caseId: original.id,
    changes: { duplicates: { from: null, to: current.reference } },
    reason,
  });
  return ok(undefined);
}
