import { roleHas } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import type { BelligerentAnswer, ClosingReason, Grading, RedressStatus, Stage } from "./vocabulary";

/**
 * The stage machine of an allegation (DOMAIN.md, "Lifecycle"): which moves exist, from which stage,
 * who may make them and what each needs. Pure: the command that moves a case gathers the facts,
 * asks here, and writes only what this allows. A refusal names what is missing, as a message key
 * under "lifecycle." in the catalogues.
 */
export const moves = ["submit", "send_to_belligerent", "pursue_redress", "close", "reopen"] as const;
export type Move = (typeof moves)[number];

const settled: readonly RedressStatus[] = ["delivered", "refused", "denied"];

/** What the machine needs to know about a case. */
export type CaseFacts = {
  stage: Stage;
  createdBy: string;
  /** The record passes the filing form's validation. */
  recordComplete: boolean;
  latestGrading: Grading | null;
  duplicateOf: string | null;
  latestAnswer: BelligerentAnswer | null;
  redressItems: readonly RedressStatus[];
};

export type MoveRequest =
  | { move: "submit" }
  | { move: "send_to_belligerent" }
  | { move: "pursue_redress"; withoutAnswer?: boolean; reason?: string | null }
  | { move: "close"; reason: ClosingReason }
  | { move: "reopen"; reason?: string | null };

export type Mover = { id: string; role: Role };

/** Every refusal the machine gives: a message key under "errors." in the catalogues (a 409 from the API, but "forbidden"). */
export const lifecycleProblems = [
  "onlyOwnSubmission",
  "forbidden",
  "notFromThisStage",
  "recordIncomplete",
  "needsGrading",
  "discountedIsClosed",
  "needsAnswerOrDecision",
  "needsReasonWithoutAnswer",
  "needsDuplicateOf",
  "needsDiscountedGrading",
  "reasonNotFromThisStage",
  "needsRedressItems",
  "redressUnsettled",
  "needsReopenReason",
] as const;
export type LifecycleProblem = (typeof lifecycleProblems)[number];

export type MoveDecision = { ok: true; from: Stage; to: Stage } | { ok: false; problem: LifecycleProblem };

const from: Record<Move, readonly Stage[]> = {
  submit: ["submission"],
  send_to_belligerent: ["assessment"],
  pursue_redress: ["belligerent_response"],
  close: ["assessment", "belligerent_response", "redress"],
  reopen: ["closed"],
};

const to: Record<Move, Stage> = {
  submit: "assessment",
  send_to_belligerent: "belligerent_response",
  pursue_redress: "redress",
  close: "closed",
  reopen: "assessment",
};

/** The stages a closing reason may close from, where narrower than every open stage after submission. */
const closableFrom: Partial<Record<ClosingReason, readonly Stage[]>> = {
  redress_completed: ["redress"],
  discounted: ["assessment"],
};

/** Every move but a filer's own submission is a reviewer's or a manager's, as the permission table says. */
function mayMove(mover: Mover, move: Move): boolean {
  return roleHas(mover.role, move === "reopen" ? "case:reopen" : "case:move-stage");
}

const refuse = (problem: LifecycleProblem): MoveDecision => ({ ok: false, problem });

export function decideMove(facts: CaseFacts, request: MoveRequest, mover: Mover): MoveDecision {
  const ownStaffSubmission = request.move === "submit" && mover.role === "staff" && mover.id === facts.createdBy;
  if (!mayMove(mover, request.move) && !ownStaffSubmission) return refuse(mover.role === "staff" ? "onlyOwnSubmission" : "forbidden");
  if (!from[request.move].includes(facts.stage)) return refuse("notFromThisStage");

  switch (request.move) {
    case "submit":
      if (!facts.recordComplete) return refuse("recordIncomplete");
      break;
    case "send_to_belligerent":
      if (!facts.latestGrading) return refuse("needsGrading");
      if (facts.latestGrading === "discounted") return refuse("discountedIsClosed");
      break;
    case "pursue_redress":
      if (request.withoutAnswer) {
        if (!request.reason?.trim()) return refuse("needsReasonWithoutAnswer");
      } else if (!facts.latestAnswer || facts.latestAnswer === "not_yet_assessed") {
        return refuse("needsAnswerOrDecision");
      }
      break;
    case "close": {
      const stages = closableFrom[request.reason];
      if (stages && !stages.includes(facts.stage)) return refuse("reasonNotFromThisStage");
      if (request.reason === "duplicate" && !facts.duplicateOf) return refuse("needsDuplicateOf");
      if (request.reason === "discounted" && facts.latestGrading !== "discounted") return refuse("needsDiscountedGrading");
      if (request.reason === "redress_completed") {
        if (facts.redressItems.length === 0) return refuse("needsRedressItems");
        if (!facts.redressItems.every((s) => settled.includes(s))) return refuse("redressUnsettled");
      }
      break;
    }
    case "reopen":
      if (!request.reason?.trim()) return refuse("needsReopenReason");
      break;
  }
  return { ok: true, from: facts.stage, to: to[request.move] };
}

/** The moves a person could make on a case now, for the interface to offer (the command still decides). */
export function availableMoves(facts: CaseFacts, mover: Mover): Move[] {
  const open = moves.filter((move) => from[move].includes(facts.stage));
  if (open.every((move) => mayMove(mover, move))) return open;
  return mover.role === "staff" && mover.id === facts.createdBy ? open.filter((m) => m === "submit") : [];
}

/**
 * Where a redress item may go next: forward along requested → offered → accepted → delivered (a step
 * the record missed may be skipped), refused by those it was offered to, or denied by the belligerent.
 * Delivered, refused and denied are final.
 */
const redressNext: Record<RedressStatus, readonly RedressStatus[]> = {
  requested: ["offered", "accepted", "delivered", "denied"],
  offered: ["accepted", "delivered", "refused", "denied"],
  accepted: ["delivered", "refused", "denied"],
  delivered: [],
  refused: [],
  denied: [],
};

export function nextRedressStatuses(status: RedressStatus): readonly RedressStatus[] {
  return redressNext[status];
}

/** The closing reasons that apply at a stage (a duplicate is closed by marking it one, which names the original). */
export function closingReasonsAt(stage: Stage): ClosingReason[] {
  if (!from.close.includes(stage)) return [];
  return (["redress_completed", "discounted", "withdrawn", "no_further_action"] as const).filter((r) => closableFrom[r]?.includes(stage) ?? true);
}
