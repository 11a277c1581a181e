import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { referenceCounters } from "@/db/schema";

/**
 * The next `count` consecutive references for an incident year, e.g. ALG-2017-0042, in one
 * statement. The counter row is locked by the upsert until the transaction ends, so two filings
 * never get the same number, and a number is never handed out twice, even if its case is later deleted.
 */
export async function nextReferences(tx: Executor, incidentYear: number, count: number): Promise<string[]> {
  const [row] = await tx
    .insert(referenceCounters)
    .values({ year: incidentYear, lastNumber: count })
    .onConflictDoUpdate({ target: referenceCounters.year, set: { lastNumber: sql`${referenceCounters.lastNumber} + ${count}` } })
    .returning({ n: referenceCounters.lastNumber });
  return Array.from({ length: count }, (_, i) => formatReference(incidentYear, row.n - count + 1 + i));
}

/** References for cases of these incident years, in the same order: each year's numbers reserved in one statement. */
export async function reserveReferences(tx: Executor, incidentYears: number[]): Promise<string[]> {
  const counts = new Map<number, number>();
  for (const year of incidentYears) counts.set(year, (counts.get(year) ?? 0) + 1);
  const byYear = new Map<number, string[]>();
  for (const [year, count] of counts) byYear.set(year, await nextReferences(tx, year, count));
  return incidentYears.map((year) => byYear.get(year)!.shift()!);
}

export const incidentYearOf = (values: { incidentDateFrom: string }) => Number(values.incidentDateFrom.slice(0, 4));

export function formatReference(year: number, n: number): string {
  return `ALG-${year}-${String(n).padStart(4, "0")}`;
}
