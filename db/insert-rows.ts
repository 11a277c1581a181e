import { getTableColumns, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "./client";

/**
 * Inserts many rows as one JSON parameter (`jsonb_populate_recordset`). Drizzle's insert builder
 * spends most of an import's time building thousands of parameters; one parameter costs nothing to
 * build. Rows are grouped by the keys they set (one statement per group), so a column a row leaves
 * out still gets its default. Dates travel as ISO text (JSON.stringify); callers give ids themselves.
 */
export async function insertRows<T extends PgTable>(tx: Executor, table: T, rows: Partial<T["$inferInsert"]>[]): Promise<void> {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const groups = new Map<string, { keys: string[]; rows: Record<string, unknown>[] }>();
  for (const row of rows) {
    const keys = Object.keys(row).filter((k) => (row as Record<string, unknown>)[k] !== undefined && columns[k]);
    const signature = keys.join(",");
    const group = groups.get(signature) ?? { keys, rows: [] };
    group.rows.push(Object.fromEntries(keys.map((k) => [columns[k].name, (row as Record<string, unknown>)[k]])));
    groups.set(signature, group);
  }
  for (const { keys, rows: group } of groups.values()) {
    const names = sql.join(
      keys.map((k) => sql.identifier(columns[k].name)),
      sql`, `,
    );
    await tx.execute(sql`insert into ${table} (${names}) select ${names} from jsonb_populate_recordset(null::${table}, ${JSON.stringify(group)}::jsonb)`);
  }
}
