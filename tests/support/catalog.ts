import { readFileSync } from "node:fs";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { bigint, integer, pgSchema, serial, text } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { migrationsFolder } from "@/db/migrate";

/** The parts of the SQL catalogue the tests read, as Drizzle tables so queries stay typed. */
const informationSchema = pgSchema("information_schema");
const columns = informationSchema.table("columns", {
  tableSchema: text("table_schema"),
  tableName: text("table_name"),
  columnName: text("column_name"),
  ordinalPosition: integer("ordinal_position"),
  dataType: text("data_type"),
  isNullable: text("is_nullable"),
});

/** Drizzle's own record of applied migrations. */
export const appliedMigrations = pgSchema("drizzle").table("__drizzle_migrations", {
  id: serial("id"),
  hash: text("hash").notNull(),
  createdAt: bigint("created_at", { mode: "number" }),
});

export type ColumnInfo = { name: string; type: string; nullable: boolean };

/** The columns of a table in the public schema, in order; empty when the table does not exist. */
export async function columnsOf(db: Db, table: string): Promise<ColumnInfo[]> {
  const rows = await db
    .select({ name: columns.columnName, type: columns.dataType, nullable: columns.isNullable })
    .from(columns)
    .where(and(eq(columns.tableSchema, "public"), eq(columns.tableName, table)))
    .orderBy(asc(columns.ordinalPosition));
  return rows.map((r) => ({ name: r.name ?? "", type: r.type ?? "", nullable: r.nullable === "YES" }));
}

/** The migrations committed in db/migrations, per drizzle-kit's journal. */
export const committedMigrations = (
  JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] }
).entries.map((e) => e.tag);
