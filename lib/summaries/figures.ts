import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { authorize, type Principal } from "@/lib/auth/actor";
import { belligerentAnswers, civilianObjects, gradings, redressStatuses, redressTypes, stages, type RedressStatus, type RedressType } from "@/lib/cases/vocabulary";
import { countedCases, type SummaryFilter } from "./filters";
import { rowsOf } from "@/db/rows";

/**
 * The accountability figures (DOMAIN.md, "Accountability summaries"), each aggregated by
 * PostgreSQL over the counted cases (lib/summaries/filters.ts): nothing here loads a case into
 * JavaScript. docs/methodology.md defines every figure; keep it in step with the SQL below.
 */

const harmColumns = [
  "killedMin",
  "killedMax",
  "killedChildrenMin",
  "killedChildrenMax",
  "killedWomenMin",
  "killedWomenMax",
  "injuredMin",
  "injuredMax",
  "injuredChildrenMin",
  "injuredChildrenMax",
  "injuredWomenMin",
  "injuredWomenMax",
] as const;
export type HarmColumn = (typeof harmColumns)[number];
export type Harm = Record<HarmColumn, number>;

/** Deaths the belligerent did not concede in the cases it was sent: documented minus conceded, and as a share of documented. */
export type Gap = { min: number; max: number; minPercent: number | null; maxPercent: number | null };

export type Measures = Harm & {
  cases: number;
  /** Cases sent to the belligerent at least once. */
  sent: number;
  /** Deaths documented in the cases sent. */
  documentedMin: number;
  documentedMax: number;
  /** Deaths conceded in the belligerent's standing answers (the answer to the latest answered sending of each case). */
  concededMin: number;
  concededMax: number;
  gap: Gap;
};

export type Breakdown = Measures & { key: string };
export type Count = { key: string; cases: number };
export type RedressCount = { type: RedressType; status: RedressStatus; items: number };
/** Amounts are exact decimal text (numeric in the database), never a float. */
export type RedressAmount = { currency: string; status: RedressStatus; items: number; amount: string };
export type Duration = { step: DurationStep; cases: number; median: number | null; p90: number | null };

export const durationSteps = ["assessment", "answer", "redressCompleted"] as const;
export type DurationStep = (typeof durationSteps)[number];
export const ageBands = ["under30", "from30to90", "from90to365", "over365"] as const;
export const answerKeys = ["awaiting", ...belligerentAnswers] as const;

export type Summary = {
  total: Measures & { incendiary: number };
  byStage: Count[];
  byGrading: Count[];
  /** Cases sent, by the belligerent's standing answer ("awaiting" until it answers). */
  answers: Count[];
  openByAge: Count[];
  civilianObjects: Count[];
  redress: RedressCount[];
  amounts: RedressAmount[];
  durations: Duration[];
  byYear: Breakdown[];
  byGovernorate: Breakdown[];
  byBelligerent: Breakdown[];
};

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The counted cases with what the figures need of each: whether it was sent, and the belligerent's
 * standing answer. One row per case sent: its latest answered sending, or (none answered yet) a
 * sending with no answer. Joins rather than a subquery per case, which the planner costs so high
 * that it compiles the query (JIT) for longer than it runs.
 */
function withBase(filter: SummaryFilter): SQL {
  return sql`with counted as materialized (
    select cases.id, cases.stage, cases.grading, cases.governorate_pcode, extract(year from cases.incident_date_from)::int as year,
      cases.belligerents, cases.civilian_objects, cases.incendiary_weapons, cases.created_at,
      ${sql.raw(harmColumns.map((c) => `cases.${snake(c)}`).join(", "))}
    from cases where ${countedCases(filter)}
  ),
  standing as (
    select distinct on (r.case_id) r.case_id, r.answer, r.deaths_conceded_min, r.deaths_conceded_max
    from belligerent_responses r join counted on counted.id = r.case_id
    order by r.case_id, r.answer is not null desc, r.sent_at desc, r.id desc
  ),
  base as (
    select counted.*, standing.answer, standing.deaths_conceded_min, standing.deaths_conceded_max, standing.case_id is not null as sent
    from counted left join standing on standing.case_id = counted.id
  )`;
}

const measures = sql.raw(
  [
    `count(*)::float8 as "cases"`,
    ...harmColumns.map((c) => `coalesce(sum(${snake(c)}), 0)::float8 as "${c}"`),
    `count(*) filter (where sent)::float8 as "sent"`,
    `coalesce(sum(killed_min) filter (where sent), 0)::float8 as "documentedMin"`,
    `coalesce(sum(killed_max) filter (where sent), 0)::float8 as "documentedMax"`,
    `coalesce(sum(deaths_conceded_min), 0)::float8 as "concededMin"`,
    `coalesce(sum(deaths_conceded_max), 0)::float8 as "concededMax"`,
  ].join(",\n"),
);

type MeasureRow = Omit<Measures, "gap">;

const percentOf = (part: number, whole: number) => (whole === 0 ? null : Math.round((1000 * part) / whole) / 10);

export function gapOf(m: Pick<Measures, "documentedMin" | "documentedMax" | "concededMin" | "concededMax">): Gap {
  const min = m.documentedMin - m.concededMin;
  const max = m.documentedMax - m.concededMax;
  return { min, max, minPercent: percentOf(min, m.documentedMin), maxPercent: percentOf(max, m.documentedMax) };
}

function withGap<T extends MeasureRow>(row: T): T & { gap: Gap } {
  return { ...row, gap: gapOf(row) };
}

/**
 * One statement in its own read-only transaction, with JIT compilation off (for these it took
 * longer than the query) and enough memory to sort and hash 100,000 rows without spilling to disk.
 * Both settings end with the transaction, so the pooled connection goes back as it came.
 */
async function analyticRows<T>(db: Db, query: SQL): Promise<T[]> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`select set_config('jit', 'off', true), set_config('work_mem', '32MB', true)`);
      return rowsOf<T>(tx, query);
    },
    { accessMode: "read only" },
  );
}

type TallyRow = MeasureRow & { dimension: string; key: string | null; incendiary: number };

/** One pass over the counted cases, grouped every way that needs no unnesting. */
function tallies(filter: SummaryFilter): SQL {
  return sql`${withBase(filter)}
    select case
        when grouping(stage) = 0 then 'stage'
        when grouping(grading_key) = 0 then 'grading'
        when grouping(year) = 0 then 'year'
        when grouping(governorate_pcode) = 0 then 'governorate'
        when grouping(answer_key) = 0 then 'answer'
        when grouping(age_band) = 0 then 'openAge'
        else 'total' end as dimension,
      coalesce(stage::text, grading_key, year::text, governorate_pcode, answer_key, age_band) as key,
      count(*) filter (where incendiary_weapons)::float8 as incendiary,
      ${measures}
    from (
      select base.*, coalesce(grading::text, 'none') as grading_key,
        case when not sent then null when answer is null then 'awaiting' else answer::text end as answer_key,
        case when stage = 'closed' then null
          when age < 30 then 'under30' when age < 90 then 'from30to90' when age < 365 then 'from90to365' else 'over365' end as age_band
      from (select base.*, (now() at time zone 'UTC')::date - (created_at at time zone 'UTC')::date as age from base) base
    ) b
    group by grouping sets ((), (stage), (grading_key), (year), (governorate_pcode), (answer_key), (age_band))`;
}

/** A case alleged against several belligerents counts once for each of them. */
function perBelligerent(filter: SummaryFilter): SQL {
  return sql`${withBase(filter)}
    select belligerent as key, ${measures}
    from base cross join unnest(base.belligerents) as belligerent
    group by belligerent order by belligerent`;
}

function objectsHit(filter: SummaryFilter): SQL {
  return sql`with counted as (select cases.id, cases.civilian_objects from cases where ${countedCases(filter)})
    select object as key, count(distinct counted.id)::float8 as cases
    from counted cross join unnest(counted.civilian_objects) as object group by object`;
}

/**
 * Days from the case's submission for assessment (its first `submit` move) to its first assessment,
 * to the belligerent's first answer that decides (credible, non-credible or duplicate), and to its
 * first closing with redress completed: calendar days in UTC, median and 90th percentile
 * (interpolated), over the counted cases that reached each step. A step dated before the submission
 * (a case recorded after the fact, with the belligerent's answer already in hand) is left out: it
 * says nothing about how long anyone took.
 */
function durations(filter: SummaryFilter): SQL {
  const pct = (p: number) => sql.raw(`round(percentile_cont(${p}) within group (order by days)::numeric, 1)::float8`);
  return sql`with counted as (select cases.id from cases where ${countedCases(filter)}),
    submitted as (
      select m.case_id, (min(m.moved_at) at time zone 'UTC')::date as day
      from stage_moves m where m.move = 'submit' and m.case_id in (select id from counted) group by m.case_id
    ),
    steps as (
      select 'assessment' as step, (min(a.assessed_at) at time zone 'UTC')::date - s.day as days
      from submitted s join assessments a on a.case_id = s.case_id group by s.case_id, s.day
      union all
      select 'answer', min(r.answered_on) - s.day
      from submitted s join belligerent_responses r on r.case_id = s.case_id and r.answer in ('credible', 'non_credible', 'duplicate')
      group by s.case_id, s.day
      union all
      select 'redressCompleted', (min(m.moved_at) at time zone 'UTC')::date - s.day
      from submitted s join stage_moves m on m.case_id = s.case_id and m.move = 'close' and m.closing_reason = 'redress_completed'
      group by s.case_id, s.day
    )
    select step, count(*)::float8 as cases, ${pct(0.5)} as median, ${pct(0.9)} as p90 from steps where days >= 0 group by step`;
}

type RedressRow = { byCurrency: boolean; type: RedressType | null; status: RedressStatus; currency: string | null; items: number; amount: string | null };

function redressTallies(filter: SummaryFilter): SQL {
  return sql`select grouping(r.type) = 1 as "byCurrency", r.type::text as type, r.status::text as status, r.currency,
      count(*)::float8 as items, sum(r.amount)::text as amount
    from redress_items r
    where r.case_id in (select cases.id from cases where ${countedCases(filter)})
    group by grouping sets ((r.type, r.status), (r.currency, r.status))
    having grouping(r.currency) = 1 or r.currency is not null
    order by r.currency, r.type, r.status`;
}

/** The statements behind the figures, in the order summarise() runs them (bench/ runs them bare too). */
export function summaryStatements(filter: SummaryFilter): SQL[] {
  return [tallies(filter), perBelligerent(filter), objectsHit(filter), durations(filter), redressTallies(filter)];
}

/** Every key of a closed list, in the list's order, with zero where no case has it. */
function filled(keys: readonly string[], rows: { key: string | null; cases: number }[]): Count[] {
  const found = new Map(rows.map((r) => [r.key, r.cases]));
  return keys.map((key) => ({ key, cases: found.get(key) ?? 0 }));
}

const statusOrder = (a: { status: RedressStatus }, b: { status: RedressStatus }) => redressStatuses.indexOf(a.status) - redressStatuses.indexOf(b.status);

const emptyMeasures = (): MeasureRow => ({
  cases: 0,
  ...(Object.fromEntries(harmColumns.map((c) => [c, 0])) as Harm),
  sent: 0,
  documentedMin: 0,
  documentedMax: 0,
  concededMin: 0,
  concededMax: 0,
});

export async function summarise(db: Db, by: Principal | null, filter: SummaryFilter): Promise<Summary> {
  authorize(by, "summary:read");
  const [tallySql, belligerentSql, objectSql, durationSql, redressSql] = summaryStatements(filter);
  const [tallyRows, belligerentRows, objectRows, durationRows, redressRows] = await Promise.all([
    analyticRows<TallyRow>(db, tallySql),
    analyticRows<MeasureRow & { key: string }>(db, belligerentSql),
    analyticRows<Count>(db, objectSql),
    analyticRows<Duration>(db, durationSql),
    analyticRows<RedressRow>(db, redressSql),
  ]);
  const of = (dimension: string) => tallyRows.filter((r) => r.dimension === dimension);
  const breakdown = (rows: TallyRow[]) =>
    rows.map(({ dimension: _d, incendiary: _i, key, ...m }) => withGap({ ...m, key: key ?? "" })).sort((a, b) => a.key.localeCompare(b.key));
  const { dimension: _dimension, key: _key, ...total } = of("total")[0] ?? { ...emptyMeasures(), incendiary: 0 };
  const foundDurations = new Map(durationRows.map((d) => [d.step, d]));
  return {
    total: withGap(total),
    byStage: filled(stages, of("stage")),
    byGrading: filled([...gradings, "none"], of("grading")),
    answers: filled(answerKeys, of("answer")),
    openByAge: filled(ageBands, of("openAge")),
    civilianObjects: filled(civilianObjects, objectRows),
    redress: redressRows
      .flatMap(({ byCurrency, type, status, items }) => (!byCurrency && type ? [{ type, status, items }] : []))
      .sort((a, b) => redressTypes.indexOf(a.type) - redressTypes.indexOf(b.type) || statusOrder(a, b)),
    amounts: redressRows
      .flatMap(({ byCurrency, currency, status, items, amount }) => (byCurrency && currency && amount ? [{ currency, status, items, amount }] : []))
      .sort((a, b) => a.currency.localeCompare(b.currency) || statusOrder(a, b)),
    durations: durationSteps.map((step) => foundDurations.get(step) ?? { step, cases: 0, median: null, p90: null }),
    byYear: breakdown(of("year")),
    byGovernorate: breakdown(of("governorate")),
    byBelligerent: belligerentRows.map((r) => withGap(r)),
  };
}
