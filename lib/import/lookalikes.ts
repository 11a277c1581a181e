import { and, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { cases, importRecords } from "@/db/schema";
import { rowsOf } from "@/db/rows";
import { nearIncident } from "@/lib/cases/queries";
import type { ReadImport } from "./read-import";

type ValidRow = ReadImport["valid"][number];
export type Lookalike = { row: number; cases: { id: string; reference: string; title: string }[] };

/** Rows asked about per statement, and the allegations named per row. */
const PROBES_PER_QUERY = 5_000;
const PER_ROW = 3;

/**
 * The rows that look like allegations filed by hand (not by an import), by the filing form's own
 * duplicate rule (nearIncident): for a person to decide, in the preview, whether to import them.
 * One statement per 5,000 rows, the rows travelling as one JSON parameter.
 */
export async function handFiledLookalikes(tx: Executor, rows: ValidRow[]): Promise<Lookalike[]> {
  const found: Lookalike[] = [];
  for (let start = 0; start < rows.length; start += PROBES_PER_QUERY) {
    const probes = rows.slice(start, start + PROBES_PER_QUERY).map(({ row, input }) => ({
      row: row.number,
      gov: input.governoratePcode,
      from: input.incidentDateFrom,
      to: input.incidentDateTo ?? input.incidentDateFrom,
      lat: input.latitude ?? null,
      lon: input.longitude ?? null,
    }));
    const probe = sql.raw("p");
    const condition = nearIncident({
      governoratePcode: sql`${probe}.gov`,
      from: sql`${probe}.from_date`,
      to: sql`${probe}.to_date`,
      latitude: sql`${probe}.lat`,
      longitude: sql`${probe}.lon`,
    });
    const matches = await rowsOf<{ row: number; id: string; reference: string; title: string }>(
      tx,
      sql`select row, id, reference, title from (
            select p.row, ${cases.id} as id, ${cases.reference} as reference, ${cases.title} as title,
                   row_number() over (partition by p.row order by ${cases.incidentDateFrom}, ${cases.reference}) as n
            from jsonb_to_recordset(${JSON.stringify(probes.map((p) => ({ row: p.row, gov: p.gov, from_date: p.from, to_date: p.to, lat: p.lat, lon: p.lon })))}::jsonb)
                 as p(row int, gov text, from_date date, to_date date, lat float8, lon float8)
            join ${cases} on ${and(isNull(cases.deletedAt), condition)}
            where not exists (select 1 from ${importRecords} where ${importRecords.caseId} = ${cases.id})
          ) m where n <= ${PER_ROW} order by row, n`,
    );
    const byRow = new Map<number, Lookalike>();
    for (const m of matches) {
      const entry = byRow.get(m.row) ?? { row: m.row, cases: [] };
      entry.cases.push({ id: m.id, reference: m.reference, title: m.title });
      byRow.set(m.row, entry);
    }
    found.push(...byRow.values());
  }
  return found;
}
