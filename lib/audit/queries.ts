import { and, desc, eq, gt, gte, ilike, like, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, cases, type AuditEvent } from "@/db/schema";
import { authorize, type Principal } from "@/lib/auth/actor";
import type { AuditFilters } from "./filters";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The conditions of the explorer's filters; a case reference that names no case matches nothing. */
export async function auditConditions(db: Db, filters: AuditFilters): Promise<SQL[]> {
  const where: SQL[] = [];
  if (filters.actor) where.push(ilike(auditEvents.actorLabel, `%${escapeLike(filters.actor)}%`));
  if (filters.action) {
    where.push(filters.action.endsWith(".") ? like(auditEvents.action, `${escapeLike(filters.action)}%`) : eq(auditEvents.action, filters.action));
  }
  if (filters.case) {
    const [c] = await db.select({ id: cases.id }).from(cases).where(eq(cases.reference, filters.case.toUpperCase()));
    where.push(c ? eq(auditEvents.caseId, c.id) : sql`false`);
  }
  // Days are UTC days: the from day's start to the end of the to day.
  if (filters.from) where.push(gte(auditEvents.at, new Date(`${filters.from}T00:00:00Z`)));
  if (filters.to) where.push(lt(auditEvents.at, new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000)));
  return where;
}

export type AuditRow = AuditEvent & { caseReference: string | null };

/** One page of events, newest first, older than `before` when paging on. */
export async function listAuditEvents(
  db: Db,
  by: Principal | null,
  filters: AuditFilters,
  { before, size = 50 }: { before?: number; size?: number } = {},
): Promise<{ items: AuditRow[]; nextBefore: number | null }> {
  authorize(by, "audit:read");
  const where = await auditConditions(db, filters);
  if (before) where.push(lt(auditEvents.id, before));
  const rows = await db
    .select({ e: auditEvents, caseReference: cases.reference })
    .from(auditEvents)
    .leftJoin(cases, eq(cases.id, auditEvents.caseId))
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(size + 1);
  const items = rows.slice(0, size).map((r) => ({ ...r.e, caseReference: r.caseReference }));
  return { items, nextBefore: rows.length > size ? items[items.length - 1].id : null };
}

/** Every matching event, oldest first (chain order), a batch at a time: what an export streams. */
export async function* auditEventsInChainOrder(db: Db, filters: AuditFilters, batch = 2000): AsyncGenerator<AuditRow> {
  const where = await auditConditions(db, filters);
  let after = 0;
  for (;;) {
    const rows = await db
      .select({ e: auditEvents, caseReference: cases.reference })
      .from(auditEvents)
      .leftJoin(cases, eq(cases.id, auditEvents.caseId))
      .where(and(...where, gt(auditEvents.id, after)))
      .orderBy(auditEvents.id)
      .limit(batch);
    for (const r of rows) yield { ...r.e, caseReference: r.caseReference };
    if (rows.length < batch) return;
    after = rows[rows.length - 1].e.id;
  }
}
