import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assignCase } from "@/lib/cases/assignment";
import { addRedressItem, changeRedressStatus } from "@/lib/cases/redress-commands";
import { assessCase, recordAnswer } from "@/lib/cases/review-commands";
import { moveCase, sendToBelligerent } from "@/lib/cases/stage-commands";
import type { Result } from "@/lib/result";

export type DemoActors = { staff: Actor; reviewer: Actor; manager: Actor };

/** How far a demo case has come: the demo shows every stage, an overdue answer, a refusal, a concession and redress. */
export const demoJourneys = ["filed", "submitted", "awaiting", "refused", "conceded", "redressed", "discounted"] as const;
export type DemoJourney = (typeof demoJourneys)[number];

function done<T>(result: Result<T>, step: string): T {
  if (!result.ok) throw new Error(`Demo lifecycle step "${step}" was refused: ${JSON.stringify(result)}`);
  return result.value;
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Takes a filed demo case along its journey through the same commands as the case page, as the demo
 * accounts: the filer submits it, the reviewer assesses, sends, records the answer and redress, the
 * manager assigns it.
 */
export async function advanceDemoCase(
  db: Db,
  actors: DemoActors,
  caseId: string,
  journey: DemoJourney,
  facts: { filer: Actor; incidentDate: string; killedMin: number | null; killedMax: number | null },
): Promise<void> {
  if (journey === "filed") return;
  done(await moveCase(db, facts.filer, caseId, { move: "submit" }), "submit");
  done(await assignCase(db, actors.manager, caseId, { assigneeId: actors.reviewer.id }), "assign");
  if (journey === "submitted") return;
  const reviewer = actors.reviewer;
  const field = journey === "conceded" || journey === "redressed";
  done(
    await assessCase(db, reviewer, caseId, {
      grading: journey === "discounted" ? "discounted" : field ? "confirmed" : "fair",
      method: field ? "field_investigation" : "desk_review",
      siteVisit: field ? "true" : "false",
      witnessesInterviewed: field ? "4" : "",
      deathsMin: facts.killedMin ?? "",
      deathsMax: facts.killedMax ?? "",
      reasoning:
        journey === "discounted"
          ? "Those killed were fighters, according to every source but one; no civilian harm is established."
          : "Two independent local sources agree on the place, the date and the harm; the belligerent reported strikes nearby that day.",
    }),
    "assess",
  );
  if (journey === "discounted") {
    done(await moveCase(db, reviewer, caseId, { move: "close", closingReason: "discounted" }), "close discounted");
    return;
  }
  const sentOn = addDays(facts.incidentDate, 60);
  const sending = done(await sendToBelligerent(db, reviewer, caseId, { sentOn, channel: "email", sentReference: `DEMO-${sentOn}` }), "send");
  if (journey === "awaiting") return;
  const answeredOn = addDays(sentOn, 120);
  if (journey === "refused") {
    done(await recordAnswer(db, reviewer, sending.id, { answer: "non_credible", nonCredibleReason: "insufficient_evidence", answeredOn }), "answer");
    done(await moveCase(db, reviewer, caseId, { move: "close", closingReason: "no_further_action" }), "close");
    return;
  }
  const conceded = facts.killedMin ?? 1;
  done(
    await recordAnswer(db, reviewer, sending.id, { answer: "credible", deathsConcededMin: conceded, deathsConcededMax: conceded, answeredOn }),
    "answer",
  );
  done(await moveCase(db, reviewer, caseId, { move: "pursue_redress" }), "pursue redress");
  const requestedOn = addDays(answeredOn, 30);
  const payment = done(
    await addRedressItem(db, reviewer, caseId, { type: "condolence_payment", amount: "2500", currency: "USD", requestedOn }),
    "payment",
  );
  done(await changeRedressStatus(db, reviewer, payment.id, { status: "offered", on: addDays(requestedOn, 90), version: 1 }), "offer");
  if (journey === "conceded") return;
  done(await changeRedressStatus(db, reviewer, payment.id, { status: "delivered", on: addDays(requestedOn, 150), version: 2 }), "pay");
  const acknowledgement = done(await addRedressItem(db, reviewer, caseId, { type: "public_acknowledgement", requestedOn }), "acknowledgement");
  done(await changeRedressStatus(db, reviewer, acknowledgement.id, { status: "delivered", on: addDays(requestedOn, 30), version: 1 }), "acknowledge");
  done(await moveCase(db, reviewer, caseId, { move: "close", closingReason: "redress_completed" }), "close redressed");
}
