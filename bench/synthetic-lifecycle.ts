import type { ClosingReason, Grading, Stage } from "@/lib/cases/vocabulary";
import type { Random } from "./random";
import { DAY_MS, isoDay, LATEST, type BenchUser, type Row } from "./synthetic-items";

/** What a case went through, as rows of the lifecycle tables (for the summaries' figures). */
export type SyntheticLifecycle = { moves: Row[]; assessments: Row[]; responses: Row[]; redress: Row[] };

export type LifecycleContext = {
  id: string;
  stage: Stage;
  grading: Grading | null;
  closingReason: ClosingReason | null;
  killedMin: number | null;
  killedMax: number | null;
  filedMs: number;
  reviewers: BenchUser[];
};

const order: Stage[] = ["submission", "assessment", "belligerent_response", "redress", "closed"];
const currencies = [
  ["USD", 70],
  ["EUR", 20],
  ["IQD", 10],
] as const;

/**
 * A plausible history for a case at its stage: submitted days after filing, assessed weeks later,
 * sent and (most often) answered months later, redress for some. Drawn from its own Random, so the
 * cases themselves stay what they were before the lifecycle was generated.
 */
export function syntheticLifecycle(random: Random, c: LifecycleContext): SyntheticLifecycle {
  const out: SyntheticLifecycle = { moves: [], assessments: [], responses: [], redress: [] };
  const reached = order.indexOf(c.stage);
  if (reached < 1) return out;
  const reviewer = random.pick(c.reviewers);
  const later = (fromMs: number, meanDays: number) => Math.min(LATEST, fromMs + (1 + random.exponential(meanDays)) * DAY_MS);
  const submitted = later(c.filedMs, 5);
  out.moves.push({ case_id: c.id, move: "submit", from_stage: "submission", to_stage: "assessment", moved_by: reviewer.id, moved_at: new Date(submitted).toISOString() });
  const assessed = later(submitted, 30);
  out.assessments.push({
    id: random.uuid(),
    case_id: c.id,
    grading: c.grading ?? "fair",
    method: random.chance(0.2) ? "field_investigation" : "desk_review",
    reasoning: "Synthetic assessment.",
    assessed_by: reviewer.id,
    assessed_at: new Date(assessed).toISOString(),
  });
  let last = assessed;
  const sent = reached >= 2 && !(c.stage === "closed" && c.closingReason === "withdrawn");
  if (sent) {
    const sentMs = later(assessed, 20);
    const answered = c.stage !== "belligerent_response" || random.chance(0.6);
    const answer = answered ? random.weighted([["credible", 40], ["non_credible", 45], ["not_yet_assessed", 10], ["duplicate", 5]] as const) : null;
    const answeredMs = later(sentMs, 120);
    const conceded = answer === "credible" && c.killedMin !== null ? Math.floor(c.killedMin * random.next()) : null;
    out.responses.push({
      id: random.uuid(),
      case_id: c.id,
      kind: "submission",
      sent_on: isoDay(sentMs),
      channel: "email",
      sent_by: reviewer.id,
      sent_at: new Date(sentMs).toISOString(),
      answer,
      non_credible_reason: answer === "non_credible" ? random.pick(["no_strike_that_day", "insufficient_evidence", "video_shows_no_civilians"] as const) : null,
      deaths_conceded_min: conceded,
      deaths_conceded_max: conceded === null ? null : Math.max(conceded, Math.floor((c.killedMax ?? conceded) * random.next())),
      answered_on: answer ? isoDay(answeredMs) : null,
      answer_recorded_by: answer ? reviewer.id : null,
      answer_recorded_at: answer ? new Date(answeredMs).toISOString() : null,
    });
    last = answer ? answeredMs : sentMs;
  }
  const completed = c.stage === "closed" && c.closingReason === "redress_completed";
  if (c.stage === "redress" || completed) {
    for (let i = random.int(1, 2); i > 0; i--) {
      const payment = random.chance(0.6);
      out.redress.push({
        id: random.uuid(),
        case_id: c.id,
        type: payment ? random.pick(["condolence_payment", "ex_gratia_payment"] as const) : random.pick(["apology", "public_acknowledgement", "medical_assistance", "reconstruction"] as const),
        amount: payment ? (random.int(500, 20_000) + random.int(0, 99) / 100).toFixed(2) : null,
        currency: payment ? random.weighted(currencies) : null,
        status: completed ? "delivered" : random.pick(["requested", "offered", "accepted", "delivered", "refused"] as const),
        created_by: reviewer.id,
      });
    }
  }
  if (c.stage === "closed") {
    const closedMs = later(last, completed ? 200 : 30);
    out.moves.push({
      case_id: c.id,
      move: "close",
      from_stage: sent ? (completed ? "redress" : "belligerent_response") : "assessment",
      to_stage: "closed",
      closing_reason: c.closingReason,
      moved_by: reviewer.id,
      moved_at: new Date(closedMs).toISOString(),
    });
  }
  return out;
}
