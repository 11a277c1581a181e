import { asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { oncePerDatabase } from "@/db/once-per-database";
import { assessments, belligerentResponses, cases, redressItems, stageMoves, users, type CaseRow } from "@/db/schema";

/** The lifecycle's statements (built once per database handle, as the case page's others). */
function buildLifecycleQueries(db: Db) {
  const unnamed = "";
  const id = sql.placeholder("id");
  const sender = alias(users, "sender");
  const answerer = alias(users, "answerer");
  const caseLink = { id: cases.id, reference: cases.reference, title: cases.title };
  return {
    moves: db
      .select({ move: stageMoves, moverName: users.name })
      .from(stageMoves)
      .innerJoin(users, eq(users.id, stageMoves.movedBy))
      .where(eq(stageMoves.caseId, id))
      .orderBy(asc(stageMoves.id))
      .prepare(unnamed),
    assessments: db
      .select({ assessment: assessments, assessorName: users.name })
      .from(assessments)
      .innerJoin(users, eq(users.id, assessments.assessedBy))
      .where(eq(assessments.caseId, id))
      .orderBy(desc(assessments.assessedAt), desc(assessments.id))
      .prepare(unnamed),
    responses: db
      .select({ response: belligerentResponses, senderName: sender.name, answererName: answerer.name })
      .from(belligerentResponses)
      .innerJoin(sender, eq(sender.id, belligerentResponses.sentBy))
      .leftJoin(answerer, eq(answerer.id, belligerentResponses.answerRecordedBy))
      .where(eq(belligerentResponses.caseId, id))
      .orderBy(desc(belligerentResponses.sentAt), desc(belligerentResponses.id))
      .prepare(unnamed),
    redress: db.select().from(redressItems).where(eq(redressItems.caseId, id)).orderBy(asc(redressItems.createdAt), asc(redressItems.id)).prepare(unnamed),
    duplicates: db.select(caseLink).from(cases).where(eq(cases.duplicateOf, id)).orderBy(asc(cases.reference)).prepare(unnamed),
    caseLink: db.select(caseLink).from(cases).where(eq(cases.id, id)).prepare(unnamed),
    user: db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, id)).prepare(unnamed),
  };
}

const lifecycleQueries = oncePerDatabase(buildLifecycleQueries);

/**
 * Where a case stands in its lifecycle and how it got there: its stage moves, assessments (latest
 * first), sendings to the belligerent with their answers (latest first), redress items, and its
 * duplicate links both ways. The case itself was read (and authorised) by getCase.
 */
export async function lifecycleOf(db: Db, c: Pick<CaseRow, "id" | "duplicateOf" | "assigneeId">) {
  const q = lifecycleQueries(db);
  const params = { id: c.id };
  const [moves, assessmentRows, responseRows, redressRows, duplicates, [original], [assignee]] = await Promise.all([
    q.moves.execute(params),
    q.assessments.execute(params),
    q.responses.execute(params),
    q.redress.execute(params),
    q.duplicates.execute(params),
    c.duplicateOf ? q.caseLink.execute({ id: c.duplicateOf }) : Promise.resolve([]),
    c.assigneeId ? q.user.execute({ id: c.assigneeId }) : Promise.resolve([]),
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
