import type { SQL } from "drizzle-orm";
import type { Executor } from "./client";

/**
 * The rows of a hand-written statement. Drizzle types `execute()`'s answer per driver (pg's
 * QueryResult, PGlite's Results), but both carry the rows under `rows`: this is the one place
 * that says so, so callers state only the row shape they selected.
 */
export async function rowsOf<T>(db: Executor, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
