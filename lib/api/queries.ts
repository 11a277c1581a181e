import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cases, comments, sources, users, victims, type CaseRow } from "@/db/schema";
import { authorize, type Principal } from "@/lib/auth/actor";
import { isUuid } from "@/lib/ids";

/** Reads the API needs beside lib/cases/queries.ts, with the same rule: whoever may read cases, and only live ones. */

export async function caseExists(db: Db, by: Principal | null, id: string): Promise<boolean> {
  authorize(by, "case:read");
  if (!isUuid(id)) return false;
  const [row] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.id, id), isNull(cases.deletedAt)));
  return Boolean(row);
}

/** Who filed a live case and its stage: enough to tell whether someone may change it, before their request's body is read. */
export async function caseOwnership(db: Db, by: Principal | null, id: string): Promise<{ createdBy: string; stage: CaseRow["stage"] } | null> {
  authorize(by, "case:read");
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ createdBy: cases.createdBy, stage: cases.stage })
    .from(cases)
    .where(and(eq(cases.id, id), isNull(cases.deletedAt)));
  return row ?? null;
}

const liveCase = (caseId: typeof victims.caseId | typeof sources.caseId | typeof comments.caseId) =>
  and(eq(cases.id, caseId), isNull(cases.deletedAt));

export async function getVictim(db: Db, by: Principal | null, id: string) {
  authorize(by, "case:read");
  if (!isUuid(id)) return null;
  const [row] = await db.select({ v: victims }).from(victims).innerJoin(cases, liveCase(victims.caseId)).where(eq(victims.id, id));
  return row?.v ?? null;
}

export async function getSource(db: Db, by: Principal | null, id: string) {
  authorize(by, "case:read");
  if (!isUuid(id)) return null;
  const [row] = await db.select({ s: sources }).from(sources).innerJoin(cases, liveCase(sources.caseId)).where(eq(sources.id, id));
  return row?.s ?? null;
}

export async function getComment(db: Db, by: Principal | null, id: string) {
  authorize(by, "case:read");
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ c: comments, authorName: users.name })
    .from(comments)
    .innerJoin(cases, liveCase(comments.caseId))
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.id, id));
  return row ? { ...row.c, authorName: row.authorName } : null;
}
