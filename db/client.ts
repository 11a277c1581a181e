import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import path from "node:path";
import { Pool } from "pg";
import { getConfig } from "@/lib/config";
import { acquireEmbeddedLock } from "./embedded-lock";
import { migrateEmbedded, migratePostgres } from "./migrate";
import * as schema from "./schema";

type Schema = typeof schema;
/** The database, whichever back end serves it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database itself or an open transaction. */
export type Executor = Db | Tx;

export type DatabaseTarget =
  | { kind: "postgres"; url: string; maxConnections?: number }
  | { kind: "embedded"; dataDir: string }
  | { kind: "memory" };

export type DatabaseHandle = {
  db: Db;
  target: DatabaseTarget;
  /** Applies the committed migrations (db/migrations). */
  migrate(): Promise<void>;
  close(): Promise<void>;
};

/** Opens a database. Embedded targets take the data folder's lock first and refuse if it is held. */
export function openDatabase(target: DatabaseTarget): DatabaseHandle {
  if (target.kind === "postgres") {
    const pool = new Pool({ connectionString: target.url, max: target.maxConnections ?? 10 });
    pool.on("error", (err) => console.error("[db] idle connection error:", err.message));
    return {
      db: drizzlePg(pool, { schema }),
      target,
      migrate: () => migratePostgres(target.url),
      close: () => pool.end(),
    };
  }
  if (target.kind === "memory") {
    const client = new PGlite();
    const db = drizzlePglite(client, { schema });
    return { db, target, migrate: () => migrateEmbedded(db), close: () => client.close() };
  }
  const lock = acquireEmbeddedLock(target.dataDir);
  const client = new PGlite(path.join(target.dataDir, "pglite"));
  const db = drizzlePglite(client, { schema });
  return {
    db,
    target,
    migrate: () => migrateEmbedded(db),
    close: async () => {
      await client.close();
      lock.release();
    },
  };
}

/**
 * Whether queries outside an open transaction run beside it (a PostgreSQL pool), or wait for it to
 * end (embedded PGlite has one connection): a job reports its progress only where they run beside.
 */
export function sharesConnections(db: Db): boolean {
  return (db as unknown as { $client?: unknown }).$client instanceof Pool;
}

export function targetFromConfig(): DatabaseTarget {
  const config = getConfig();
  return config.databaseUrl
    ? { kind: "postgres", url: config.databaseUrl }
    : { kind: "embedded", dataDir: config.dataDir };
}

// One handle per process: PGlite must be opened once, and a pool is meant to be shared.
const globalForDb = globalThis as unknown as { __dbHandle?: DatabaseHandle };

export function getDatabase(): DatabaseHandle {
  globalForDb.__dbHandle ??= openDatabase(targetFromConfig());
  return globalForDb.__dbHandle;
}

export function db(): Db {
  return getDatabase().db;
}
