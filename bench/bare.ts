import type { Pool } from "pg";

// The hand-written SQL each page would need, run through pg directly: the floor the app's
// queries (Drizzle, authorisation, parsing) are compared against.

export type BareFilter = {
  governorate?: string;
  stage?: string;
  from?: string;
  to?: string;
  tsQuery?: string;
  /** Answers awaited for longer than this many days. */
  overdueDays?: number;
  /** Assigned to or filed by this account. */
  mine?: string;
};

const listColumns = `c.id, c.reference, c.title, c.incident_date_from, c.incident_date_to, c.country, c.governorate_pcode,
  c.locality_en, c.locality_ar, c.stage, c.grading, c.closing_reason, c.duplicate_of,
  coalesce(c.awaiting_answer_since < current_date - 90, false) as overdue, c.belligerents, c.killed_min, c.killed_max,
  a.name as assignee_name, c.updated_at`;

function where(filter: BareFilter): { sql: string; params: unknown[] } {
  const parts = ["c.deleted_at is null"];
  const params: unknown[] = [];
  const add = (clause: (n: string) => string, value: unknown) => {
    params.push(value);
    parts.push(clause(`$${params.length}`));
  };
  if (filter.tsQuery) add((n) => `to_tsvector('simple', c.search_text) @@ to_tsquery('simple', ${n})`, filter.tsQuery);
  if (filter.stage) add((n) => `c.stage = ${n}`, filter.stage);
  if (filter.governorate) add((n) => `c.governorate_pcode = ${n}`, filter.governorate);
  if (filter.from) add((n) => `c.incident_date_to >= ${n}`, filter.from);
  if (filter.to) add((n) => `c.incident_date_from <= ${n}`, filter.to);
  if (filter.mine) add((n) => `(c.assignee_id = ${n} or c.created_by = ${n})`, filter.mine);
  if (filter.overdueDays) add((n) => `c.awaiting_answer_since < current_date - ${n}::int`, filter.overdueDays);
  return { sql: parts.join(" and "), params };
}

/** The first page of 25 by incident date, newest first, and the count of all that match. */
export async function bareList(pool: Pool, filter: BareFilter): Promise<{ ids: string[]; total: number }> {
  const w = where(filter);
  const [page, count] = await Promise.all([
    pool.query<{ id: string }>(
      `select ${listColumns} from cases c left join users a on a.id = c.assignee_id
       where ${w.sql} order by c.incident_date_from desc, c.id desc limit 25 offset 0`,
      w.params,
    ),
    pool.query<{ total: string }>(`select count(*) as total from cases c where ${w.sql}`, w.params),
  ]);
  return { ids: page.rows.map((r) => r.id), total: Number(count.rows[0].total) };
}

type CaseHead = {
  id: string;
  governorate_pcode: string;
  date_from: string;
  date_to: string;
  assignee_id: string | null;
  latitude: number | null;
  longitude: number | null;
};

/** What the case page reads: the case, its victims, sources, evidence, comments, lifecycle, trail and possible duplicates. */
export async function bareCasePage(pool: Pool, id: string): Promise<{ victims: number; sources: number; trail: number; duplicates: string[] }> {
  const head = await pool.query<CaseHead>(
    `select c.*, c.incident_date_from::text as date_from, c.incident_date_to::text as date_to, creator.name as creator_name, editor.name as editor_name from cases c
     join users creator on creator.id = c.created_by join users editor on editor.id = c.updated_by
     where c.id = $1 and c.deleted_at is null`,
    [id],
  );
  const c = head.rows[0];
  const [victims, sources] = await Promise.all([
    pool.query("select * from victims where case_id = $1 order by created_at, id", [id]),
    pool.query("select * from sources where case_id = $1 order by created_at, id", [id]),
    pool.query(
      "select e.*, u.name from evidence_files e join users u on u.id = e.added_by where e.case_id = $1 and e.removed_at is null order by e.added_at",
      [id],
    ),
    pool.query("select m.*, u.name from comments m join users u on u.id = m.author_id where m.case_id = $1 order by m.created_at", [id]),
    pool.query("select m.*, u.name from stage_moves m join users u on u.id = m.moved_by where m.case_id = $1 order by m.id", [id]),
    pool.query("select a.*, u.name from assessments a join users u on u.id = a.assessed_by where a.case_id = $1 order by a.assessed_at desc, a.id desc", [id]),
    pool.query(
      `select r.*, s.name, w.name from belligerent_responses r join users s on s.id = r.sent_by left join users w on w.id = r.answer_recorded_by
       where r.case_id = $1 order by r.sent_at desc, r.id desc`,
      [id],
    ),
    pool.query("select * from redress_items where case_id = $1 order by created_at, id", [id]),
    pool.query("select id, reference, title from cases where duplicate_of = $1 order by reference", [id]),
    pool.query("select id, name from users where id = $1", [c.assignee_id]),
  ]);
  const [trail, duplicates] = await Promise.all([
    pool.query(
      "select id, at, actor_label, action, entity_type, subject, changes, reason from audit_events where case_id = $1 order by id desc limit 200",
      [id],
    ),
    bareDuplicates(pool, c),
  ]);
  return { victims: victims.rowCount ?? 0, sources: sources.rowCount ?? 0, trail: trail.rowCount ?? 0, duplicates };
}

async function bareDuplicates(pool: Pool, c: CaseHead): Promise<string[]> {
  const params: unknown[] = [c.id, c.governorate_pcode, c.date_to, c.date_from];
  let near = "(governorate_pcode = $2 and incident_date_from <= ($3::date + 3) and incident_date_to >= ($4::date - 3))";
  if (c.latitude !== null && c.longitude !== null) {
    const dLat = 2 / 111.32;
    const dLon = 2 / (111.32 * Math.max(Math.cos((c.latitude * Math.PI) / 180), 0.01));
    params.push(c.latitude - dLat, c.latitude + dLat, c.longitude - dLon, c.longitude + dLon, c.latitude, c.longitude);
    near += ` or (latitude between $5 and $6 and longitude between $7 and $8 and
      2 * 6371 * asin(sqrt(power(sin(radians(latitude - $9) / 2), 2) + cos(radians($9)) * cos(radians(latitude)) * power(sin(radians(longitude - $10) / 2), 2))) <= 2)`;
  }
  const rows = await pool.query<{ id: string }>(
    `select id, reference, title, incident_date_from, killed_max from cases
     where deleted_at is null and id <> $1 and (${near}) order by incident_date_from limit 20`,
    params,
  );
  return rows.rows.map((r) => r.id);
}
