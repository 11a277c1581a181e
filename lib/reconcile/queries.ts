import { asc, desc, eq, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { cases, reconciliationRows, reconciliations, users } from "@/db/schema";
import { authorize, type Principal } from "@/lib/auth/actor";
import { distanceKm, withinKm } from "@/lib/cases/queries";
import { isUuid } from "@/lib/ids";
import type { EvidenceStore } from "@/lib/evidence/store";
import { storedBytes } from "@/lib/import/jobs";
import type { RowProblem } from "@/lib/import/rows";
import { examplesOf, readTable } from "@/lib/import/table";

type Table = typeof reconciliations.$inferSelect;

/** One of our allegations proposed for a row of their table, with the evidence for it. */
export type Proposal = {
  rowId: string;
  caseId: string;
  reference: string;
  title: string;
  incidentDateFrom: string;
  governoratePcode: string;
  killedMin: number | null;
  killedMax: number | null;
  stage: string;
  /** Days between their date and our incident's (0 when it falls within our dates). */
  daysApart: number;
  sameGovernorate: boolean;
  /** Kilometres between their point and ours, where both have one. */
  km: number | null;
};

/** Proposals per row, at most this many, nearest first. */
const PER_ROW = 5;

/**
 * Our allegations that may be a row of their table: the same belligerent, dates within the table's
 * window, and the same governorate or within its distance. Each with its evidence, nearest first.
 */
export async function proposalsFor(tx: Executor, table: Table, rowIds?: string[]): Promise<Proposal[]> {
  const r = sql.raw("r");
  const near = withinKm(sql`${r}.latitude`, sql`${r}.longitude`, table.distanceKm);
  const only = rowIds ? sql`and ${r}.id in (select (jsonb_array_elements_text(${JSON.stringify(rowIds)}::jsonb))::uuid)` : sql``;
  return rowsOf<Proposal>(
    tx,
    sql`select "rowId", "caseId", reference, title, "incidentDateFrom", "governoratePcode", "killedMin", "killedMax", stage, "daysApart", "sameGovernorate", km from (
          select ${r}.id as "rowId", ${cases.id} as "caseId", ${cases.reference} as reference, ${cases.title} as title,
                 ${cases.incidentDateFrom}::text as "incidentDateFrom", ${cases.governoratePcode} as "governoratePcode",
                 ${cases.killedMin} as "killedMin", ${cases.killedMax} as "killedMax", ${cases.stage}::text as stage,
                 greatest(0, ${r}.incident_date - ${cases.incidentDateTo}, ${cases.incidentDateFrom} - ${r}.incident_date)::int as "daysApart",
                 coalesce(${cases.governoratePcode} = ${r}.governorate_pcode, false) as "sameGovernorate",
                 case when ${r}.latitude is not null and ${cases.latitude} is not null then round((${distanceKm(sql`${r}.latitude`, sql`${r}.longitude`)})::numeric, 1)::float8 end as km,
                 row_number() over (partition by ${r}.id order by greatest(0, ${r}.incident_date - ${cases.incidentDateTo}, ${cases.incidentDateFrom} - ${r}.incident_date), ${cases.reference}) as n
          from ${reconciliationRows} ${r}
          join ${cases} on ${cases.deletedAt} is null
            and ${cases.belligerents} @> array[${table.belligerent}]::text[]
            and ${cases.incidentDateFrom} <= ${r}.incident_date + ${table.windowDays}::int
            and ${cases.incidentDateTo} >= ${r}.incident_date - ${table.windowDays}::int
            and (${cases.governoratePcode} = ${r}.governorate_pcode or (${r}.latitude is not null and ${near}))
          where ${r}.reconciliation_id = ${table.id} ${only}
        ) p where n <= ${PER_ROW} order by "rowId", n`,
  );
}

export type ReconciliationView = {
  table: Table & { createdByName: string; problems: RowProblem[] };
  rows: ReconciliationItem[];
  /** Rows still to decide that have proposals; unmatched: undecided without one, or said to be none of ours. */
  toDecide: ReconciliationItem[];
  unmatched: ReconciliationItem[];
  confirmed: ReconciliationItem[];
  counts: { proposed: number; unmatched: number; confirmed: number; noMatch: number };
};
type ReconciliationItem = typeof reconciliationRows.$inferSelect & { proposals: Proposal[]; confirmedReference: string | null };

/**
 * A belligerent's table as a reviewer reconciles it: each row with its proposals (rows still to
 * decide), the rows confirmed, and the unmatched ones (no proposal, or none of ours): incidents the
 * belligerent concedes that nobody here has documented yet.
 */
export async function reconciliationView(db: Db, by: Principal | null, id: string): Promise<ReconciliationView | null> {
  authorize(by, "case:record-response");
  if (!isUuid(id)) return null;
  const [found] = await db
    .select({ table: reconciliations, createdByName: users.name })
    .from(reconciliations)
    .innerJoin(users, eq(users.id, reconciliations.createdBy))
    .where(eq(reconciliations.id, id));
  if (!found) return null;
  const rows = await db
    .select({ row: reconciliationRows, confirmedReference: cases.reference })
    .from(reconciliationRows)
    .leftJoin(cases, eq(cases.id, reconciliationRows.caseId))
    .where(eq(reconciliationRows.reconciliationId, id))
    .orderBy(asc(reconciliationRows.rowNumber));
  const proposals = await proposalsFor(db, found.table);
  const byRow = new Map<string, Proposal[]>();
  for (const p of proposals) byRow.set(p.rowId, [...(byRow.get(p.rowId) ?? []), { ...p, km: p.km === null ? null : Number(p.km), daysApart: Number(p.daysApart) }]);
  const view = rows.map(({ row, confirmedReference }) => ({ ...row, confirmedReference, proposals: row.decision ? [] : (byRow.get(row.id) ?? []) }));
  const toDecide = view.filter((r) => !r.decision && r.proposals.length);
  const unmatched = view.filter((r) => r.decision === "no_match" || (!r.decision && !r.proposals.length));
  const confirmed = view.filter((r) => r.decision === "confirmed");
  return {
    table: { ...found.table, createdByName: found.createdByName, problems: found.table.problems as RowProblem[] },
    rows: view,
    toDecide,
    unmatched,
    confirmed,
    counts: {
      proposed: toDecide.length,
      unmatched: unmatched.length,
      confirmed: confirmed.length,
      noMatch: view.filter((r) => r.decision === "no_match").length,
    },
  };
}

/** The belligerents' tables brought in, newest first. */
export async function listReconciliations(db: Db, by: Principal | null) {
  authorize(by, "case:record-response");
  return db
    .select({ id: reconciliations.id, fileName: reconciliations.fileName, belligerent: reconciliations.belligerent, rows: reconciliations.rows, createdAt: reconciliations.createdAt })
    .from(reconciliations)
    .orderBy(desc(reconciliations.createdAt))
    .limit(200);
}

/**
 * How a table was read, for the page to offer another mapping: its columns with their first values,
 * the mapping and date order used. Null when it cannot be read again (brought in before its bytes
 * were kept, or they are gone).
 */
export async function reconciliationReading(db: Db, store: EvidenceStore, by: Principal | null, id: string) {
  authorize(by, "case:record-response");
  if (!isUuid(id)) return null;
  const [table] = await db.select().from(reconciliations).where(eq(reconciliations.id, id));
  const bytes = table?.releasedOn ? await storedBytes(store, table.fileKey) : null;
  if (!table || !bytes) return null;
  const read = await readTable(bytes);
  if (!read.ok) return null;
  const sheet = read.value.sheets.find((s) => s.name === table.sheet) ?? read.value.sheets[0];
  return { headers: sheet.headers, examples: examplesOf(sheet), mapping: (table.mapping ?? {}) as Record<number, string>, dateOrder: table.dateOrder ?? "dmy" };
}
