import { and, arrayOverlaps, asc, count, desc, eq, gte, inArray, isNull, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { oncePerDatabase } from "@/db/once-per-database";
import { auditEvents, cases, comments, evidenceFiles, sources, users, victims } from "@/db/schema";
import { authorize, type Principal } from "@/lib/auth/actor";
import { isUuid } from "@/lib/ids";
import { lifecycleOf } from "./lifecycle-queries";
import type { CaseFilter, CaseListQuery } from "./list-query";
import { toPrefixQuery } from "./search-text";

const searchVector = sql`to_tsvector('simple', ${cases.searchText})`;

/** Waiting on the belligerent's answer for more than `days` days (a "not yet assessed" answer is still waiting). */
export function overdueCondition(days: number): SQL {
  return sql`${cases.awaitingAnswerSince} < current_date - ${days}::int`;
}

export type ListOptions = { overdueDays: number };

/** The filters the case list shares with the accountability summaries, over live cases. */
export function caseFilterConditions(filter: CaseFilter): SQL[] {
  const where: SQL[] = [isNull(cases.deletedAt)];
  if (filter.stage.length) where.push(inArray(cases.stage, filter.stage));
  if (filter.grading.length) where.push(inArray(cases.grading, filter.grading));
  if (filter.belligerent.length) where.push(arrayOverlaps(cases.belligerents, filter.belligerent));
  if (filter.country) where.push(eq(cases.country, filter.country));
  if (filter.governorate) where.push(eq(cases.governoratePcode, filter.governorate));
  // A case matches a period when its incident dates overlap it.
  if (filter.from) where.push(gte(cases.incidentDateTo, filter.from));
  if (filter.to) where.push(lte(cases.incidentDateFrom, filter.to));
  return where;
}

function listConditions(query: CaseListQuery, by: Principal, options: ListOptions): SQL[] {
  const where = caseFilterConditions(query);
  const tsQuery = query.q ? toPrefixQuery(query.q) : null;
  if (tsQuery) where.push(sql`${searchVector} @@ to_tsquery('simple', ${tsQuery})`);
  if (query.tag.length) where.push(arrayOverlaps(cases.tags, query.tag.map((t) => t.toLowerCase())));
  if (query.assignee === "none") where.push(isNull(cases.assigneeId));
  else if (query.assignee === "me" && by.kind === "user") where.push(eq(cases.assigneeId, by.id));
  else if (isUuid(query.assignee)) where.push(eq(cases.assigneeId, query.assignee));
  if (query.mine && by.kind === "user") where.push(or(eq(cases.assigneeId, by.id), eq(cases.createdBy, by.id)) as SQL);
  if (query.overdue) where.push(overdueCondition(options.overdueDays));
  return where;
}

function listOrder(query: CaseListQuery): SQL[] {
  const dir = query.dir === "asc" ? asc : desc;
  const nullsLast = (column: SQL) => sql`${column} nulls last`;
  switch (query.sort) {
    case "updated":
      return [dir(cases.updatedAt), dir(cases.id)];
    case "deaths":
      return [nullsLast(dir(cases.killedMax)), dir(cases.id)];
    default:
      return [dir(cases.incidentDateFrom), dir(cases.id)];
  }
}

export type CaseListItem = {
  id: string;
  reference: string;
  title: string;
  incidentDateFrom: string;
  incidentDateTo: string;
  country: string;
  governoratePcode: string;
  localityEn: string | null;
  localityAr: string | null;
  stage: string;
  grading: string | null;
  closingReason: string | null;
  duplicateOf: string | null;
  overdue: boolean;
  belligerents: string[];
  killedMin: number | null;
  killedMax: number | null;
  assigneeName: string | null;
  updatedAt: Date;
};

/** One page of cases matching the filters, with the total count of all that match. */
export async function listCases(
  db: Db,
  by: Principal | null,
  query: CaseListQuery,
  options: ListOptions = { overdueDays: 90 },
): Promise<{ items: CaseListItem[]; total: number }> {
  authorize(by, "case:read");
  const where = and(...listConditions(query, by, options));
  const assignee = alias(users, "assignee");
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        id: cases.id,
        reference: cases.reference,
        title: cases.title,
        incidentDateFrom: cases.incidentDateFrom,
        incidentDateTo: cases.incidentDateTo,
        country: cases.country,
        governoratePcode: cases.governoratePcode,
        localityEn: cases.localityEn,
        localityAr: cases.localityAr,
        stage: cases.stage,
        grading: cases.grading,
        closingReason: cases.closingReason,
        duplicateOf: cases.duplicateOf,
        overdue: sql<boolean>`coalesce(${overdueCondition(options.overdueDays)}, false)`,
        belligerents: cases.belligerents,
        killedMin: cases.killedMin,
        killedMax: cases.killedMax,
        assigneeName: assignee.name,
        updatedAt: cases.updatedAt,
      })
      .from(cases)
      .leftJoin(assignee, eq(assignee.id, cases.assigneeId))
      .where(where)
      .orderBy(...listOrder(query))
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db.select({ total: count() }).from(cases).where(where),
  ]);
  return { items, total };
}

/**
 * The case page's queries have a fixed shape, so each is built once per database handle and then
 * run with the case's id: building them anew on every request cost more than running most of them.
 * The empty name keeps the statements unnamed, so PostgreSQL still plans each run like any other
 * query and nothing is left prepared on a pooled connection.
 */
function buildCaseQueries(db: Db) {
  const unnamed = "";
  const id = sql.placeholder("id");
  const creator = alias(users, "creator");
  const editor = alias(users, "editor");
  return {
    head: db
      .select({ c: cases, creatorName: creator.name, editorName: editor.name })
      .from(cases)
      .innerJoin(creator, eq(creator.id, cases.createdBy))
      .innerJoin(editor, eq(editor.id, cases.updatedBy))
      .where(and(eq(cases.id, id), isNull(cases.deletedAt)))
      .prepare(unnamed),
    victims: db.select().from(victims).where(eq(victims.caseId, id)).orderBy(asc(victims.createdAt), asc(victims.id)).prepare(unnamed),
    sources: db.select().from(sources).where(eq(sources.caseId, id)).orderBy(asc(sources.createdAt), asc(sources.id)).prepare(unnamed),
    evidence: db
      .select({ e: evidenceFiles, addedByName: users.name })
      .from(evidenceFiles)
      .innerJoin(users, eq(users.id, evidenceFiles.addedBy))
      .where(and(eq(evidenceFiles.caseId, id), isNull(evidenceFiles.removedAt)))
      .orderBy(asc(evidenceFiles.addedAt))
      .prepare(unnamed),
    comments: db
      .select({ comment: comments, authorName: users.name })
      .from(comments)
      .innerJoin(users, eq(users.id, comments.authorId))
      .where(eq(comments.caseId, id))
      .orderBy(asc(comments.createdAt))
      .prepare(unnamed),
    trail: db
      .select({
        id: auditEvents.id,
        at: auditEvents.at,
        actorLabel: auditEvents.actorLabel,
        action: auditEvents.action,
        entityType: auditEvents.entityType,
        subject: auditEvents.subject,
        changes: auditEvents.changes,
        reason: auditEvents.reason,
      })
      .from(auditEvents)
      .where(eq(auditEvents.caseId, id))
      .orderBy(desc(auditEvents.id))
      .limit(sql.placeholder("limit"))
      .prepare(unnamed),
  };
}

const caseQueries = oncePerDatabase(buildCaseQueries);

/** A case with everything in it, or null if there is none (or it was deleted). */
export async function getCase(db: Db, by: Principal | null, id: string) {
  authorize(by, "case:read");
  if (!isUuid(id)) return null;
  const q = caseQueries(db);
  const [row] = await q.head.execute({ id });
  if (!row) return null;
  const { searchText: _searchText, ...c } = row.c;
  const [victimRows, sourceRows, evidenceRows, commentRows, lifecycle] = await Promise.all([
    q.victims.execute({ id }),
    q.sources.execute({ id }),
    q.evidence.execute({ id }),
    q.comments.execute({ id }),
    lifecycleOf(db, c),
  ]);
  return {
    ...c,
    creatorName: row.creatorName,
    editorName: row.editorName,
    victims: victimRows,
    sources: sourceRows,
    evidence: evidenceRows.map((r) => ({ ...r.e, addedByName: r.addedByName })),
    comments: commentRows.map((r) => ({ ...r.comment, authorName: r.authorName })),
    lifecycle,
  };
}

export type CaseDetail = NonNullable<Awaited<ReturnType<typeof getCase>>>;

/** The case's audit trail, newest first. */
export async function caseTrail(db: Db, by: Principal | null, caseId: string, limit = 200) {
  authorize(by, "case:read");
  if (!isUuid(caseId)) return [];
  return caseQueries(db).trail.execute({ id: caseId, limit });
}

export type DuplicateProbe = {
  excludeId?: string;
  governoratePcode: string;
  incidentDateFrom: string;
  incidentDateTo: string;
  latitude: number | null;
  longitude: number | null;
};

const KM_PER_DEGREE = 111.32;

/** Where an incident would be, for the duplicate rule: each part an SQL value (a parameter, or a column of a set of probes). */
export type IncidentProbe = { governoratePcode: SQL; from: SQL; to: SQL; latitude: SQL | null; longitude: SQL | null };

/**
 * The rule for a possible duplicate, as a condition on `cases`: within ±3 days in the same
 * governorate, or within 2 km where coordinates exist (a cheap box first, then the great-circle
 * distance, Earth radius 6371 km). The filing form's hints and the import's use it alike.
 */
export function nearIncident(p: IncidentProbe): SQL {
  const near: SQL[] = [
    and(eq(cases.governoratePcode, p.governoratePcode), sql`${cases.incidentDateFrom} <= (${p.to}::date + 3)`, sql`${cases.incidentDateTo} >= (${p.from}::date - 3)`) as SQL,
  ];
  if (p.latitude && p.longitude) near.push(withinKm(p.latitude, p.longitude, 2));
  return or(...near) as SQL;
}

/** Cases within `km` of a point (SQL values): a cheap box on the location index first, then the great-circle distance (Earth radius 6371 km). */
export function withinKm(latitude: SQL, longitude: SQL, km: number): SQL {
  const lat = sql`(${latitude})::float8`;
  const lon = sql`(${longitude})::float8`;
  const dLat = sql`(${km}::float8 / ${KM_PER_DEGREE}::float8)`;
  const dLon = sql`(${km}::float8 / (${KM_PER_DEGREE}::float8 * greatest(cos(radians(${lat})), 0.01)))`;
  return and(
    sql`${cases.latitude} between ${lat} - ${dLat} and ${lat} + ${dLat}`,
    sql`${cases.longitude} between ${lon} - ${dLon} and ${lon} + ${dLon}`,
    sql`${distanceKm(latitude, longitude)} <= ${km}::float8`,
  ) as SQL;
}

/** The great-circle distance in km from a case's coordinates to a point (SQL values). */
export function distanceKm(latitude: SQL, longitude: SQL): SQL<number> {
  const lat = sql`(${latitude})::float8`;
  const lon = sql`(${longitude})::float8`;
  return sql<number>`2 * 6371 * asin(sqrt(power(sin(radians(${cases.latitude} - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(${cases.latitude})) * power(sin(radians(${cases.longitude} - ${lon}) / 2), 2)))`;
}

/** Possible duplicates of an allegation being filed or edited (nearIncident). */
export async function possibleDuplicates(db: Db, by: Principal | null, probe: DuplicateProbe) {
  authorize(by, "case:read");
  const near = nearIncident({
    governoratePcode: sql`${probe.governoratePcode}`,
    from: sql`${probe.incidentDateFrom}`,
    to: sql`${probe.incidentDateTo}`,
    latitude: probe.latitude === null ? null : sql`${probe.latitude}`,
    longitude: probe.longitude === null ? null : sql`${probe.longitude}`,
  });
  return db
    .select({
      id: cases.id,
      reference: cases.reference,
      title: cases.title,
      incidentDateFrom: cases.incidentDateFrom,
      killedMax: cases.killedMax,
    })
    .from(cases)
    .where(and(isNull(cases.deletedAt), probe.excludeId ? ne(cases.id, probe.excludeId) : undefined, near))
    .orderBy(asc(cases.incidentDateFrom))
    .limit(20);
}
