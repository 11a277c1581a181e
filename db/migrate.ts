import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import path from "node:path";
import { Pool } from "pg";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

// Any constant will do: it only has to be the same for every replica migrating one database.
const MIGRATION_LOCK_KEY = 7_248_172_017;

export async function migrateEmbedded<S extends Record<string, unknown>>(db: PgliteDatabase<S>): Promise<void> {
  await migratePglite(db, { migrationsFolder });
}

/** On PostgreSQL, replicas starting together take turns under an advisory lock held on one connection. */
export async function migratePostgres(url: string): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    await pool.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg(pool), { migrationsFolder });
    await pool.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
  } finally {
    await pool.end();
  }
}
