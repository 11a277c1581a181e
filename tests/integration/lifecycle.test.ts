import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, cases, evidenceFiles, redressItems, stageMoves } from "@/db/schema";
import { hararAlBaduInput } from "@/db/seed/case-samples";
import type { Actor } from "@/lib/auth/actor";
import { assignCase } from "@/lib/cases/assignment";
import { createCase } from "@/lib/cases/commands";
import { victimCommands } from "@/lib/cases/items";
import { listCases } from "@/lib/cases/queries";
import { caseListQuery } from "@/lib/cases/list-query";
import { addRedressItem, changeRedressStatus } from "@/lib/cases/redress-commands";
import { assessCase, recordAnswer } from "@/lib/cases/review-commands";
import { markDuplicate, moveCase, sendToBelligerent } from "@/lib/cases/stage-commands";
import { addAccount } from "../support/accounts";
import { backends } from "../support/databases";

const fieldAssessment = (grading: string, extra: Record<string, unknown> = {}) => ({
  grading,
  method: "field_investigation",
  siteVisit: "true",
  witnessesInterviewed: "3",
  deathsMin: "28",
  deathsMax: "32",
  reasoning: "Two independent sources and a site visit.",
  ...extra,
});

describe.each(backends)("the lifecycle on $name", (backend) => {
  let handle: DatabaseHandle;
  let staff: Actor;
  let otherStaff: Actor;
  let reviewer: Actor;
  let manager: Actor;
  let admin: Actor;
  beforeAll(async () => {
    handle = await backend.open();
    staff = await addAccount(handle.db, "staff", { name: "Amal" });
    otherStaff = await addAccount(handle.db, "staff");
    reviewer = await addAccount(handle.db, "reviewer", { name: "Karim" });
    manager = await addAccount(handle.db, "manager", { name: "Layla" });
    admin = await addAccount(handle.db, "admin");
  });
  afterAll(() => handle.close());

  const file = async (overrides: Record<string, unknown> = {}) => {
    const created = await createCase(handle.db, staff, hararAlBaduInput(overrides));
    if (!created.ok) throw new Error(`setup: ${JSON.stringify(created)}`);
    return created.value.id;
  };
  const caseRow = async (id: string) => (await handle.db.select().from(cases).where(eq(cases.id, id)))[0];
  const actionsOf = async (id: string) =>
    (await handle.db.select().from(auditEvents).where(eq(auditEvents.caseId, id)).orderBy(asc(auditEvents.id))).map((e) => e.action);
  const expectOk = <T extends { ok: boolean }>(result: T) => {
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    return result;
  };
  const addEvidenceRow = async (caseId: string) =>
    (
      await handle.db
        .insert(evidenceFiles)
        .values({ caseId, fileName: "new-witness.pdf", mediaType: "application/pdf", sizeBytes: 10, sha256: "0".repeat(64), storageKey: "x", addedBy: reviewer.id })
        .returning()
    )[0].id;
  /** A case moved to belligerent response, sent on 2018-01-10. */
  const sentCase = async () => {
    const id = await file();
    expectOk(await moveCase(handle.db, staff, id, { move: "submit" }));
    expectOk(await assessCase(handle.db, reviewer, id, fieldAssessment("fair")));
    const sent = expectOk(await sendToBelligerent(handle.db, reviewer, id, { sentOn: "2018-01-10", channel: "email", sentReference: "CIV-1" }));
    return { id, sendingId: (sent as { value: { id: string } }).value.id };
  };

  it("takes a case from submission to redress completed, through a reopening, with every step audited", async () => {
    const id = await file();
    expectOk(await moveCase(handle.db, staff, id, { move: "submit" }));
    expectOk(await assessCase(handle.db, reviewer, id, fieldAssessment("fair")));
    expect((await caseRow(id)).grading).toBe("fair");
    const first = await sendToBelligerent(handle.db, reviewer, id, { sentOn: "2018-01-10", channel: "email", sentReference: "CIV-1" });
    if (!first.ok) throw new Error(JSON.stringify(first));
    expect(await caseRow(id)).toMatchObject({ stage: "belligerent_response", awaitingAnswerSince: "2018-01-10" });
    expectOk(await recordAnswer(handle.db, reviewer, first.value.id, { answer: "non_credible", nonCredibleReason: "insufficient_evidence", answeredOn: "2018-05-02" }));
    expect((await caseRow(id)).awaitingAnswerSince).toBeNull();
    expectOk(await moveCase(handle.db, reviewer, id, { move: "close", closingReason: "no_further_action" }));
    expect(await caseRow(id)).toMatchObject({ stage: "closed", closingReason: "no_further_action" });

    const evidenceId = await addEvidenceRow(id);
    expectOk(await moveCase(handle.db, reviewer, id, { move: "reopen", reason: "New witness statements", evidenceIds: [evidenceId] }));
    expect(await caseRow(id)).toMatchObject({ stage: "assessment", closingReason: null });
    expectOk(await assessCase(handle.db, reviewer, id, fieldAssessment("confirmed")));
    const again = await sendToBelligerent(handle.db, reviewer, id, { kind: "re_evaluation", sentOn: "2019-03-01", channel: "letter", evidenceIds: [evidenceId] });
    if (!again.ok) throw new Error(JSON.stringify(again));
    expectOk(await recordAnswer(handle.db, reviewer, again.value.id, { answer: "credible", deathsConcededMin: "30", deathsConcededMax: "30", answeredOn: "2019-06-01" }));
    expectOk(await moveCase(handle.db, reviewer, id, { move: "pursue_redress" }));

    const payment = await addRedressItem(handle.db, reviewer, id, { type: "condolence_payment", amount: "15,000", currency: "usd", requestedOn: "2019-07-01" });
    const acknowledgement = await addRedressItem(handle.db, reviewer, id, { type: "public_acknowledgement", requestedOn: "2019-07-01" });
    if (!payment.ok || !acknowledgement.ok) throw new Error("redress");
    expect((await handle.db.select().from(redressItems).where(eq(redressItems.id, payment.value.id)))[0]).toMatchObject({ amount: "15000.00", currency: "USD" });
    const early = await moveCase(handle.db, reviewer, id, { move: "close", closingReason: "redress_completed" });
    expect(early).toMatchObject({ ok: false, error: "redressUnsettled" });
    expectOk(await changeRedressStatus(handle.db, reviewer, payment.value.id, { status: "offered", on: "2019-08-01", version: 1 }));
    expectOk(await changeRedressStatus(handle.db, reviewer, payment.value.id, { status: "delivered", on: "2019-09-01", version: 2 }));
    expectOk(await changeRedressStatus(handle.db, reviewer, acknowledgement.value.id, { status: "delivered", on: "2019-09-02", version: 1 }));
    expectOk(await moveCase(handle.db, reviewer, id, { move: "close", closingReason: "redress_completed" }));

    expect(await caseRow(id)).toMatchObject({ stage: "closed", closingReason: "redress_completed", grading: "confirmed" });
    expect(await actionsOf(id)).toEqual([
      "case.created",
      "case.submit",
      "assessment.added",
      "case.send_to_belligerent",
      "response.sent",
      "response.answered",
      "case.close",
      "case.reopen",
      "assessment.added",
      "case.send_to_belligerent",
      "response.reEvaluationRequested",
      "response.answered",
      "case.pursue_redress",
      "redress.added",
      "redress.added",
      "redress.statusChanged",
      "redress.statusChanged",
      "redress.statusChanged",
      "case.close",
    ]);
    const moves = await handle.db.select().from(stageMoves).where(eq(stageMoves.caseId, id)).orderBy(asc(stageMoves.id));
    expect(moves.map((m) => `${m.fromStage}>${m.toStage}`)).toEqual([
      "submission>assessment",
      "assessment>belligerent_response",
      "belligerent_response>closed",
      "closed>assessment",
      "assessment>belligerent_response",
      "belligerent_response>redress",
      "redress>closed",
    ]);
    expect(moves[3]).toMatchObject({ reason: "New witness statements", evidenceIds: [evidenceId], movedBy: reviewer.id });
    const assessed = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.caseId, id), eq(auditEvents.action, "assessment.added")))
      .orderBy(asc(auditEvents.id));
    expect(assessed.at(-1)?.changes?.grading).toEqual({ from: "fair", to: "confirmed" });
    const [reopening] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "case.reopen"));
    expect(reopening).toMatchObject({ actorLabel: "Karim", reason: "New witness statements", changes: { stage: { from: "closed", to: "assessment" } } });
  });

  it("refuses moves that skip a stage or lack what they need, naming it, and writes nothing", async () => {
    const id = await file();
    const before = await actionsOf(id);
    expect(await moveCase(handle.db, otherStaff, id, { move: "submit" })).toMatchObject({ ok: false, error: "onlyOwnSubmission" });
    expect(await sendToBelligerent(handle.db, reviewer, id, { sentOn: "2018-01-10", channel: "email" })).toMatchObject({ ok: false, error: "notFromThisStage" });
    expect(await moveCase(handle.db, reviewer, id, { move: "pursue_redress" })).toMatchObject({ ok: false, error: "notFromThisStage" });
    expect(await assessCase(handle.db, reviewer, id, fieldAssessment("fair"))).toMatchObject({ ok: false, error: "assessOnlyInAssessment" });
    expect(await moveCase(handle.db, admin, id, { move: "submit" })).toMatchObject({ ok: false, error: "forbidden" });
    expectOk(await moveCase(handle.db, staff, id, { move: "submit" }));
    expect(await assessCase(handle.db, staff, id, fieldAssessment("fair"))).toMatchObject({ ok: false, error: "forbidden" });
    expect(await sendToBelligerent(handle.db, reviewer, id, { sentOn: "2018-01-10", channel: "email" })).toMatchObject({ ok: false, error: "needsGrading" });
    expect(await moveCase(handle.db, reviewer, id, { move: "close" })).toMatchObject({ ok: false, fieldErrors: { closingReason: ["required"] } });
    expect(await moveCase(handle.db, reviewer, id, { move: "close", closingReason: "discounted" })).toMatchObject({ ok: false, error: "needsDiscountedGrading" });
    expect(await assessCase(handle.db, reviewer, id, fieldAssessment("fair", { deathsMin: "40", reasoning: "" }))).toMatchObject({
      ok: false,
      fieldErrors: { deathsMax: ["minAboveMax"], reasoning: ["required"] },
    });
    expect(await actionsOf(id)).toEqual([...before, "case.submit"]);
    expect(await handle.db.select().from(stageMoves).where(eq(stageMoves.caseId, id))).toHaveLength(1);
    expect(await caseRow(id)).toMatchObject({ stage: "assessment", grading: null });
  });

  it("lets one of two concurrent moves of a case win; the other is refused and leaves no event", async () => {
    const id = await file();
    expectOk(await moveCase(handle.db, staff, id, { move: "submit" }));
    expectOk(await assessCase(handle.db, reviewer, id, fieldAssessment("fair")));
    const results = await Promise.all([
      moveCase(handle.db, reviewer, id, { move: "close", closingReason: "withdrawn", reason: "one" }),
      moveCase(handle.db, manager, id, { move: "close", closingReason: "no_further_action", reason: "two" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: "notFromThisStage" });
    expect((await actionsOf(id)).filter((a) => a === "case.close")).toHaveLength(1);
    expect(await handle.db.select().from(stageMoves).where(eq(stageMoves.caseId, id))).toHaveLength(2);
  });

  it("records answers only on the latest sending, after it was sent, and re-evaluations only once answered", async () => {
    const { id, sendingId } = await sentCase();
    expect(await recordAnswer(handle.db, reviewer, sendingId, { answer: "credible", answeredOn: "2018-01-01" })).toMatchObject({
      ok: false,
      fieldErrors: { answeredOn: ["beforeSent"] },
    });
    expect(await recordAnswer(handle.db, reviewer, sendingId, { answer: "non_credible", answeredOn: "2018-02-01" })).toMatchObject({
      ok: false,
      fieldErrors: { nonCredibleReason: ["required"] },
    });
    const evidenceId = await addEvidenceRow(id);
    expect(await sendToBelligerent(handle.db, reviewer, id, { kind: "re_evaluation", sentOn: "2018-02-01", channel: "email", evidenceIds: [evidenceId] })).toMatchObject({
      ok: false,
      error: "awaitingAnswer",
    });
    expect(await moveCase(handle.db, reviewer, id, { move: "pursue_redress" })).toMatchObject({ ok: false, error: "needsAnswerOrDecision" });
    expectOk(await recordAnswer(handle.db, reviewer, sendingId, { answer: "not_yet_assessed", answeredOn: "2018-02-01" }));
    expect((await caseRow(id)).awaitingAnswerSince).toBe("2018-01-10");
    expect(await moveCase(handle.db, reviewer, id, { move: "pursue_redress", withoutAnswer: "true" })).toMatchObject({ ok: false, error: "needsReasonWithoutAnswer" });
    expectOk(await moveCase(handle.db, reviewer, id, { move: "pursue_redress", withoutAnswer: "true", reason: "No answer after a year" }));
    expect(await sendToBelligerent(handle.db, reviewer, id, { kind: "re_evaluation", sentOn: "2018-02-01", channel: "email" })).toMatchObject({
      ok: false,
      fieldErrors: { evidenceIds: ["chooseEvidence"] },
    });
  });

  it("marks a duplicate: closes it, links both ways, keeps links canonical and undoes the link on reopening", async () => {
    const original = await file();
    const duplicate = await file();
    const third = await file();
    for (const id of [original, duplicate, third]) expectOk(await moveCase(handle.db, staff, id, { move: "submit" }));
    const { reference } = await caseRow(original);
    expect(await markDuplicate(handle.db, staff, duplicate, { original: reference })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await markDuplicate(handle.db, reviewer, duplicate, { original: "ALG-1900-9999" })).toMatchObject({ ok: false, fieldErrors: { original: ["noSuchCase"] } });
    expect(await markDuplicate(handle.db, reviewer, duplicate, { original: (await caseRow(duplicate)).reference })).toMatchObject({
      ok: false,
      fieldErrors: { original: ["duplicateOfItself"] },
    });
    expectOk(await markDuplicate(handle.db, reviewer, duplicate, { original: reference.toLowerCase(), reason: "Same strike" }));
    expect(await caseRow(duplicate)).toMatchObject({ stage: "closed", closingReason: "duplicate", duplicateOf: original });
    expect((await actionsOf(original)).at(-1)).toBe("case.duplicateLinked");
    expect((await actionsOf(duplicate)).at(-1)).toBe("case.markedDuplicate");
    expect(await markDuplicate(handle.db, reviewer, third, { original: duplicate })).toMatchObject({
      ok: false,
      error: "originalIsDuplicate",
      params: { reference },
    });
    expect(await markDuplicate(handle.db, reviewer, original, { original: third })).toMatchObject({ ok: false, error: "hasDuplicates" });
    expectOk(await moveCase(handle.db, reviewer, duplicate, { move: "reopen", reason: "Not the same strike after all" }));
    expect(await caseRow(duplicate)).toMatchObject({ stage: "assessment", duplicateOf: null, closingReason: null });
  });

  it("lets managers assign cases to reviewers, flags overdue answers, and lists my cases", async () => {
    const { id } = await sentCase();
    expect(await assignCase(handle.db, reviewer, id, { assigneeId: reviewer.id })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await assignCase(handle.db, manager, id, { assigneeId: staff.id })).toMatchObject({ ok: false, fieldErrors: { assigneeId: ["notAReviewer"] } });
    expectOk(await assignCase(handle.db, manager, id, { assigneeId: reviewer.id }));
    const [event] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "case.assigned"));
    expect(event.changes).toEqual({ assignee: { from: null, to: "Karim" } });
    const overdue = await listCases(handle.db, reviewer, caseListQuery.parse({ overdue: "1" }));
    expect(overdue.items.map((c) => c.id)).toContain(id);
    expect(overdue.items.every((c) => c.overdue)).toBe(true);
    const mine = await listCases(handle.db, reviewer, caseListQuery.parse({ mine: "1" }));
    expect(mine.items.map((c) => c.id)).toEqual([id]);
  });

  it("refuses redress outside the redress stage, payments without an amount, strangers as beneficiaries and steps out of order", async () => {
    const { id, sendingId } = await sentCase();
    expect(await addRedressItem(handle.db, reviewer, id, { type: "apology", requestedOn: "2018-03-01" })).toMatchObject({ ok: false, error: "redressOnlyInRedress" });
    expectOk(await recordAnswer(handle.db, reviewer, sendingId, { answer: "credible", answeredOn: "2018-02-01" }));
    expectOk(await moveCase(handle.db, reviewer, id, { move: "pursue_redress" }));
    expect(await addRedressItem(handle.db, reviewer, id, { type: "ex_gratia_payment", requestedOn: "2018-03-01" })).toMatchObject({
      ok: false,
      fieldErrors: { amount: ["required"], currency: ["required"] },
    });
    const other = await file();
    const stranger = await victimCommands.add(handle.db, staff, other, { nameLatin: "Someone else", outcome: "killed" });
    if (!stranger.ok) throw new Error("setup");
    expect(await addRedressItem(handle.db, reviewer, id, { type: "apology", requestedOn: "2018-03-01", beneficiaryIds: [stranger.value.id] })).toMatchObject({
      ok: false,
      fieldErrors: { beneficiaryIds: ["notOfThisCase"] },
    });
    const apology = await addRedressItem(handle.db, reviewer, id, { type: "apology", requestedOn: "2018-03-01" });
    if (!apology.ok) throw new Error("setup");
    expect(await changeRedressStatus(handle.db, reviewer, apology.value.id, { status: "refused", on: "2018-04-01", version: 1 })).toMatchObject({
      ok: false,
      fieldErrors: { status: ["redressStatusNotNext"] },
    });
    expect(await changeRedressStatus(handle.db, reviewer, apology.value.id, { status: "offered", on: "2018-02-01", version: 1 })).toMatchObject({
      ok: false,
      fieldErrors: { on: ["beforeEarlierStep"] },
    });
    expectOk(await changeRedressStatus(handle.db, reviewer, apology.value.id, { status: "denied", on: "2018-04-01", version: 1 }));
    expect(await changeRedressStatus(handle.db, reviewer, apology.value.id, { status: "offered", on: "2018-04-02", version: 1 })).toMatchObject({ ok: false, error: "staleVersion" });
  });
});
