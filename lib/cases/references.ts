import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { referenceCounters } from "@/db/schema";

/**
 * The next reference for an incident year, e.g. ALG-2017-0042. The counter row is locked by the
 * upsert until the transaction ends, so two filings never get the same number, and a number is
 * never handed out twice, even if its case is later deleted.
 */
export async function nextReference(tx: Executor, incidentYear: number): Promise<string> {
  const [row] = await tx
    .insert(referenceCounters)
    .values({ year: incidentYear, lastNumber: 1 })
    .onConflictDoUpdate({ target: referenceCounters.year, set: { lastNumber: sql`${referenceCounters.lastNumber} + 1` } })
    .returning({ n: referenceCounters.lastNumber });
  return formatReference(incidentYear, row.n);
}

export function formatReference(year: number, n: number): string {
  return `ALG-${year}-${String(n).padStart(4, "0")}`;
}
