import { asc, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { assessments, belligerentResponses, cases, redressItems, stageMoves, users, type CaseRow } from "@/db/schema";

/**
 * Where a case stands in its lifecycle and how it got there: its stage moves, assessments (latest
 * first), sendings to the belligerent with their answers (latest first), redress items, and its
 * duplicate links both ways. The case itself was read (and authorised) by getCase.
 */
export async function lifecycleOf(db: Db, c: Pick<CaseRow, "id" | "duplicateOf" | "assigneeId">) {
  const sender = alias(users, "sender");
  const answerer = alias(users, "answerer");
  const [moves, assessmentRows, responseRows, redressRows, duplicates, [original], [assignee]] = await Promise.all([
    db
      .select({ move: stageMoves, moverName: users.name })
      .from(stageMoves)
      .innerJoin(users, eq(users.id, stageMoves.movedBy))
      .where(eq(stageMoves.caseId, c.id))
      .orderBy(asc(stageMoves.id)),
    db
      .select({ assessment: assessments, assessorName: users.name })
      .from(assessments)
      .innerJoin(users, eq(users.id, assessments.assessedBy))
      .where(eq(assessments.caseId, c.id))
      .orderBy(desc(assessments.assessedAt), desc(assessments.id)),
    db
      .select({ response: belligerentResponses, senderName: sender.name, answererName: answerer.name })
      .from(belligerentResponses)
      .innerJoin(sender, eq(sender.id, belligerentResponses.sentBy))
      .leftJoin(answerer, eq(answerer.id, belligerentResponses.answerRecordedBy))
      .where(eq(belligerentResponses.caseId, c.id))
      .orderBy(desc(belligerentResponses.sentAt), desc(belligerentResponses.id)),
    db.select().from(redressItems).where(eq(redressItems.caseId, c.id)).orderBy(asc(redressItems.createdAt), asc(redressItems.id)),
    db.select({ id: cases.id, reference: cases.reference, title: cases.title }).from(cases).where(eq(cases.duplicateOf, c.id)).orderBy(asc(cases.reference)),
    c.duplicateOf
      ? db.select({ id: cases.id, reference: cases.reference, title: cases.title }).from(cases).where(eq(cases.id, c.duplicateOf))
      : Promise.resolve([]),
    c.assigneeId ? db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, c.assigneeId)) : Promise.resolve([]),
  ]);
  return {
    moves: moves.map((m) => ({ ...m.move, moverName: m.moverName })),
    assessments: assessmentRows.map((a) => ({ ...a.assessment, assessorName: a.assessorName })),
    responses: responseRows.map((r) => ({ ...r.response, senderName: r.senderName, answererName: r.answererName })),
    redress: redressRows,
    duplicates,
    duplicateOfCase: original ?? null,
    assignee: assignee ?? null,
  };
}

export type CaseLifecycle = Awaited<ReturnType<typeof lifecycleOf>>;
