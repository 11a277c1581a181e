import type { Db } from "@/db/client";
import { assessments, belligerentResponses, cases, comments, redressItems, sources, stageMoves, victims } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type {
  BelligerentAnswer,
  ClosingReason,
  Grading,
  NonCredibleReason,
  RedressStatus,
  RedressType,
  SourceType,
  Stage,
} from "@/lib/cases/vocabulary";
import fixture from "../fixtures/summary-cases.json";

type Range = [number, number];
type Sending = { sent: number; kind?: "submission" | "re_evaluation"; answer?: BelligerentAnswer; reason?: NonCredibleReason; answered?: number; conceded?: Range };
type FixtureCase = {
  ref: string;
  date: string;
  country: string;
  gov: string;
  belligerents: string[];
  stage: Stage;
  grading?: Grading;
  killed?: Range;
  killedChildren?: Range;
  killedWomen?: Range;
  injured?: Range;
  injuredChildren?: Range;
  injuredWomen?: Range;
  objects?: string[];
  incendiary?: boolean;
  age: number;
  submit?: number;
  assess?: [Grading, number][];
  sends?: Sending[];
  redress?: { type: RedressType; status: RedressStatus; amount?: string; currency?: string }[];
  close?: [ClosingReason, number];
  reopen?: number;
  duplicateOf?: string;
  deleted?: boolean;
  victims?: { nameLatin: string; nameAr: string; outcome: "killed" | "injured"; familyGroup: string; confidential: boolean }[];
  sources?: { type: SourceType; publisher: string; title: string; confidential: boolean }[];
  comments?: string[];
};

export const fixtureCases = fixture.cases as FixtureCase[];

/**
 * Every identity the public exports must never show: confidential victims' names and confidential
 * sources' publisher and title. (A family group can be shared with a victim who is not
 * confidential, so it is not a secret of its own; the tests check it is blanked on the row.)
 */
export const confidentialNames = fixtureCases.flatMap((c) => [
  ...(c.victims ?? []).filter((v) => v.confidential).flatMap((v) => [v.nameLatin, v.nameAr]),
  ...(c.sources ?? []).filter((s) => s.confidential).flatMap((s) => [s.publisher, s.title]),
]);
export const commentTexts = fixtureCases.flatMap((c) => c.comments ?? []);

const DAY = 86_400_000;

/**
 * Inserts the hand-built cases of tests/fixtures/summary-cases.json as rows, with their history at
 * chosen days (noon UTC, so calendar-day differences are exact): the figures are about what the
 * tables hold, whichever command wrote them.
 */
export async function insertSummaryFixture(db: Db, staff: Actor, reviewer: Actor): Promise<Map<string, string>> {
  const today = new Date();
  const noon = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 12);
  const ids = new Map<string, string>();
  const range = (r: Range | undefined) => ({ min: r?.[0] ?? null, max: r?.[1] ?? null });
  for (const c of fixtureCases) {
    const filed = noon - c.age * DAY;
    const submitted = filed + (c.submit ?? 0) * DAY;
    const at = (days: number) => new Date(submitted + days * DAY);
    const day = (days: number) => at(days).toISOString().slice(0, 10);
    const [killed, killedChildren, killedWomen, injured, injuredChildren, injuredWomen] = [
      c.killed,
      c.killedChildren,
      c.killedWomen,
      c.injured,
      c.injuredChildren,
      c.injuredWomen,
    ].map(range);
    const [row] = await db
      .insert(cases)
      .values({
        reference: c.ref,
        title: `Fixture case ${c.ref}`,
        incidentDateFrom: c.date,
        incidentDateTo: c.date,
        datePrecision: "day",
        country: c.country,
        governoratePcode: c.gov,
        belligerents: c.belligerents,
        means: ["airstrike"],
        killedMin: killed.min,
        killedMax: killed.max,
        killedChildrenMin: killedChildren.min,
        killedChildrenMax: killedChildren.max,
        killedWomenMin: killedWomen.min,
        killedWomenMax: killedWomen.max,
        injuredMin: injured.min,
        injuredMax: injured.max,
        injuredChildrenMin: injuredChildren.min,
        injuredChildrenMax: injuredChildren.max,
        injuredWomenMin: injuredWomen.min,
        injuredWomenMax: injuredWomen.max,
        civilianObjects: c.objects ?? [],
        incendiaryWeapons: c.incendiary ?? false,
        narrative: `Narrative of ${c.ref}.`,
        stage: c.stage,
        grading: c.grading ?? null,
        closingReason: c.stage === "closed" ? (c.close?.[0] ?? null) : null,
        duplicateOf: c.duplicateOf ? ids.get(c.duplicateOf) : null,
        createdBy: staff.id,
        updatedBy: staff.id,
        createdAt: new Date(filed),
        updatedAt: new Date(filed),
        deletedAt: c.deleted ? new Date(filed + DAY) : null,
      })
      .returning({ id: cases.id });
    ids.set(c.ref, row.id);
    const caseId = row.id;
    const move = (move: "submit" | "close" | "reopen", fromStage: Stage, toStage: Stage, days: number, closingReason: ClosingReason | null = null) =>
      db.insert(stageMoves).values({ caseId, move, fromStage, toStage, closingReason, movedBy: reviewer.id, movedAt: at(days) });
    if (c.submit !== undefined) await move("submit", "submission", "assessment", 0);
    for (const [grading, days] of c.assess ?? []) {
      await db.insert(assessments).values({ caseId, grading, method: "desk_review", reasoning: "Fixture.", assessedBy: reviewer.id, assessedAt: at(days) });
    }
    for (const s of c.sends ?? []) {
      await db.insert(belligerentResponses).values({
        caseId,
        kind: s.kind ?? "submission",
        sentOn: day(s.sent),
        channel: "email",
        sentBy: reviewer.id,
        sentAt: at(s.sent),
        answer: s.answer ?? null,
        nonCredibleReason: s.reason ?? null,
        deathsConcededMin: s.conceded?.[0] ?? null,
        deathsConcededMax: s.conceded?.[1] ?? null,
        answeredOn: s.answered === undefined ? null : day(s.answered),
        answerRecordedBy: s.answer ? reviewer.id : null,
        answerRecordedAt: s.answered === undefined ? null : at(s.answered),
      });
    }
    for (const r of c.redress ?? []) {
      await db.insert(redressItems).values({ caseId, type: r.type, status: r.status, amount: r.amount ?? null, currency: r.currency ?? null, createdBy: reviewer.id });
    }
    if (c.close) await move("close", "redress", "closed", c.close[1], c.close[0]);
    if (c.reopen !== undefined) await move("reopen", "closed", "assessment", c.reopen);
    for (const v of c.victims ?? []) {
      await db.insert(victims).values({ caseId, nameLatin: v.nameLatin, nameAr: v.nameAr, outcome: v.outcome, familyGroup: v.familyGroup, confidential: v.confidential, age: 34, createdBy: staff.id });
    }
    for (const s of c.sources ?? []) {
      await db.insert(sources).values({ caseId, type: s.type, publisher: s.publisher, title: s.title, confidential: s.confidential, createdBy: staff.id });
    }
    for (const body of c.comments ?? []) await db.insert(comments).values({ caseId, body, authorId: reviewer.id });
  }
  return ids;
}
