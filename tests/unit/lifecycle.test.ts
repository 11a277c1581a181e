import { describe, expect, it } from "vitest";
import { availableMoves, closingReasonsAt, decideMove, nextRedressStatuses, type CaseFacts, type MoveRequest, type Mover } from "@/lib/cases/lifecycle";

const owner: Mover = { id: "amal", role: "staff" };
const otherStaff: Mover = { id: "omar", role: "staff" };
const reviewer: Mover = { id: "karim", role: "reviewer" };
const manager: Mover = { id: "layla", role: "manager" };
const admin: Mover = { id: "yusuf", role: "admin" };

const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  stage: "submission",
  createdBy: "amal",
  recordComplete: true,
  latestGrading: null,
  duplicateOf: null,
  latestAnswer: null,
  redressItems: [],
  ...over,
});

describe("the stage machine allows", () => {
  it.each<[string, CaseFacts, MoveRequest, Mover, string]>([
    ["the filer to submit their own case", facts(), { move: "submit" }, owner, "assessment"],
    ["a reviewer to submit any case", facts(), { move: "submit" }, reviewer, "assessment"],
    ["sending a graded case", facts({ stage: "assessment", latestGrading: "fair" }), { move: "send_to_belligerent" }, reviewer, "belligerent_response"],
    ["pursuing redress after an answer", facts({ stage: "belligerent_response", latestAnswer: "credible" }), { move: "pursue_redress" }, manager, "redress"],
    [
      "pursuing redress without an answer, with a reason",
      facts({ stage: "belligerent_response" }),
      { move: "pursue_redress", withoutAnswer: true, reason: "No answer in a year" },
      reviewer,
      "redress",
    ],
    ["closing with no further action after a refusal", facts({ stage: "belligerent_response", latestAnswer: "non_credible" }), { move: "close", reason: "no_further_action" }, reviewer, "closed"],
    ["closing a duplicate", facts({ stage: "assessment", duplicateOf: "c2" }), { move: "close", reason: "duplicate" }, reviewer, "closed"],
    ["closing a discounted case", facts({ stage: "assessment", latestGrading: "discounted" }), { move: "close", reason: "discounted" }, reviewer, "closed"],
    ["withdrawing from any stage after submission", facts({ stage: "redress", redressItems: ["offered"] }), { move: "close", reason: "withdrawn" }, manager, "closed"],
    ["closing when all redress is settled", facts({ stage: "redress", redressItems: ["delivered", "refused", "denied"] }), { move: "close", reason: "redress_completed" }, reviewer, "closed"],
    ["reopening with a reason", facts({ stage: "closed" }), { move: "reopen", reason: "New evidence from the site visit" }, reviewer, "assessment"],
  ])("%s", (_name, state, request, mover, stage) => {
    expect(decideMove(state, request, mover)).toEqual({ ok: true, from: state.stage, to: stage });
  });
});

describe("the stage machine refuses, naming what is missing", () => {
  it.each<[string, CaseFacts, MoveRequest, Mover, string]>([
    ["staff submitting someone else's case", facts(), { move: "submit" }, otherStaff, "onlyOwnSubmission"],
    ["staff making any other move", facts({ stage: "assessment", latestGrading: "fair" }), { move: "send_to_belligerent" }, owner, "onlyOwnSubmission"],
    ["an admin making any move", facts(), { move: "submit" }, admin, "forbidden"],
    ["submitting an incomplete record", facts({ recordComplete: false }), { move: "submit" }, owner, "recordIncomplete"],
    ["skipping assessment", facts(), { move: "send_to_belligerent" }, reviewer, "notFromThisStage"],
    ["skipping to redress", facts({ stage: "assessment", latestGrading: "fair" }), { move: "pursue_redress" }, reviewer, "notFromThisStage"],
    ["closing a case still in submission", facts(), { move: "close", reason: "withdrawn" }, reviewer, "notFromThisStage"],
    ["submitting twice", facts({ stage: "assessment" }), { move: "submit" }, reviewer, "notFromThisStage"],
    ["sending an ungraded case", facts({ stage: "assessment" }), { move: "send_to_belligerent" }, reviewer, "needsGrading"],
    ["sending a discounted case", facts({ stage: "assessment", latestGrading: "discounted" }), { move: "send_to_belligerent" }, reviewer, "discountedIsClosed"],
    ["pursuing redress with no answer", facts({ stage: "belligerent_response" }), { move: "pursue_redress" }, reviewer, "needsAnswerOrDecision"],
    ["pursuing redress on 'not yet assessed'", facts({ stage: "belligerent_response", latestAnswer: "not_yet_assessed" }), { move: "pursue_redress" }, reviewer, "needsAnswerOrDecision"],
    ["pursuing redress without an answer and without a reason", facts({ stage: "belligerent_response" }), { move: "pursue_redress", withoutAnswer: true, reason: "  " }, reviewer, "needsReasonWithoutAnswer"],
    ["closing as duplicate without the original", facts({ stage: "assessment" }), { move: "close", reason: "duplicate" }, reviewer, "needsDuplicateOf"],
    ["closing as discounted without that grading", facts({ stage: "assessment", latestGrading: "weak" }), { move: "close", reason: "discounted" }, reviewer, "needsDiscountedGrading"],
    ["closing as discounted after sending", facts({ stage: "belligerent_response", latestGrading: "discounted" }), { move: "close", reason: "discounted" }, reviewer, "reasonNotFromThisStage"],
    ["'redress completed' before redress", facts({ stage: "belligerent_response" }), { move: "close", reason: "redress_completed" }, reviewer, "reasonNotFromThisStage"],
    ["'redress completed' with nothing sought", facts({ stage: "redress" }), { move: "close", reason: "redress_completed" }, reviewer, "needsRedressItems"],
    ["'redress completed' with an item unsettled", facts({ stage: "redress", redressItems: ["delivered", "accepted"] }), { move: "close", reason: "redress_completed" }, reviewer, "redressUnsettled"],
    ["reopening without a reason", facts({ stage: "closed" }), { move: "reopen", reason: "" }, reviewer, "needsReopenReason"],
    ["reopening an open case", facts({ stage: "redress" }), { move: "reopen", reason: "x" }, reviewer, "notFromThisStage"],
  ])("%s", (_name, state, request, mover, problem) => {
    expect(decideMove(state, request, mover)).toEqual({ ok: false, problem });
  });
});

describe("the moves offered", () => {
  it("give the filer only the submission of their own case, and reviewers every move from the stage", () => {
    expect(availableMoves(facts(), owner)).toEqual(["submit"]);
    expect(availableMoves(facts(), otherStaff)).toEqual([]);
    expect(availableMoves(facts(), admin)).toEqual([]);
    expect(availableMoves(facts({ stage: "belligerent_response" }), reviewer)).toEqual(["pursue_redress", "close"]);
    expect(availableMoves(facts({ stage: "closed" }), manager)).toEqual(["reopen"]);
  });
});

describe("every refusal", () => {
  it("has a message in both catalogues", async () => {
    const { catalogues } = await import("@/lib/i18n/catalogues");
    const problems = new Set<string>();
    const states: CaseFacts[] = ["submission", "assessment", "belligerent_response", "redress", "closed"].map((stage) =>
      facts({ stage: stage as CaseFacts["stage"], recordComplete: false, redressItems: ["offered"] }),
    );
    const requests: MoveRequest[] = [
      { move: "submit" },
      { move: "send_to_belligerent" },
      { move: "pursue_redress" },
      { move: "pursue_redress", withoutAnswer: true },
      ...(["redress_completed", "duplicate", "discounted", "withdrawn", "no_further_action"] as const).map((reason) => ({ move: "close" as const, reason })),
      { move: "reopen" },
    ];
    for (const state of states)
      for (const request of requests)
        for (const mover of [owner, otherStaff, reviewer, admin]) {
          const decision = decideMove(state, request, mover);
          if (!decision.ok) problems.add(decision.problem);
        }
    for (const state of [facts({ stage: "assessment", latestGrading: "discounted" }), facts({ stage: "redress" })])
      for (const request of requests) {
        const decision = decideMove(state, request, reviewer);
        if (!decision.ok) problems.add(decision.problem);
      }
    for (const locale of ["en", "ar"] as const) {
      const messages = catalogues[locale].errors as Record<string, string>;
      for (const problem of problems) expect(messages[problem], `${locale}: ${problem}`).toBeTruthy();
    }
    expect(problems.size).toBeGreaterThanOrEqual(12);
  });
});

describe("redress statuses", () => {
  it.each([
    ["requested", ["offered", "accepted", "delivered", "denied"]],
    ["offered", ["accepted", "delivered", "refused", "denied"]],
    ["accepted", ["delivered", "refused", "denied"]],
    ["delivered", []],
    ["refused", []],
    ["denied", []],
  ] as const)("from %s go only forward, or to refused or denied; settled ones stay", (status, next) => {
    expect(nextRedressStatuses(status)).toEqual(next);
  });
});

describe("closing reasons offered", () => {
  it("depend on the stage: discounted from assessment, redress completed from redress, never duplicate (marking one names the original)", () => {
    expect(closingReasonsAt("submission")).toEqual([]);
    expect(closingReasonsAt("assessment")).toEqual(["discounted", "withdrawn", "no_further_action"]);
    expect(closingReasonsAt("belligerent_response")).toEqual(["withdrawn", "no_further_action"]);
    expect(closingReasonsAt("redress")).toEqual(["redress_completed", "withdrawn", "no_further_action"]);
    expect(closingReasonsAt("closed")).toEqual([]);
  });

  it("are each accepted by the machine at that stage when their facts hold", () => {
    for (const stage of ["assessment", "belligerent_response", "redress"] as const) {
      for (const reason of closingReasonsAt(stage)) {
        const state = facts({ stage, latestGrading: "discounted", redressItems: ["delivered"] });
        expect(decideMove(state, { move: "close", reason }, reviewer), `${stage} ${reason}`).toMatchObject({ ok: true, to: "closed" });
      }
    }
  });
});
