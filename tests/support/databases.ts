import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { openDatabase, type DatabaseHandle } from "@/db/client";

/**
 * The back ends every integration test runs against: in-memory PGlite always, and the real
 * PostgreSQL server named by TEST_DATABASE_URL when it is set (.ci/run always sets it). Each
 * open() gives a fresh, migrated (unless asked not to), empty database that close() throws away.
 */
export type OpenOptions = { migrate?: boolean };
export type TestBackend = { name: "pglite" | "postgres"; open(options?: OpenOptions): Promise<DatabaseHandle> };

const postgresUrl = process.env.TEST_DATABASE_URL;

export const backends: TestBackend[] = [
  {
    name: "pglite",
    async open({ migrate = true }: OpenOptions = {}) {
      const handle = openDatabase({ kind: "memory" });
      if (migrate) await handle.migrate();
      return handle;
    },
  },
  ...(postgresUrl ? [{ name: "postgres" as const, open: (options?: OpenOptions) => freshPostgresDatabase(postgresUrl, options) }] : []),
];

if (!postgresUrl) {
  console.warn("TEST_DATABASE_URL is not set: integration tests ran on PGlite only, not on PostgreSQL.");
}

/** Creates a throwaway database on the server of `url`, migrated unless asked not to; dropped again on close. */
export async function freshPostgresDatabase(url: string, { migrate = true }: OpenOptions = {}): Promise<DatabaseHandle> {
  const name = `civharm_t_${randomBytes(6).toString("hex")}`;
  await adminQuery(url, `create database ${name}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const handle = openDatabase({ kind: "postgres", url: dbUrl.toString(), maxConnections: 20 });
  if (migrate) await handle.migrate();
  return {
    ...handle,
    async close() {
      await handle.close();
      await adminQuery(url, `drop database if exists ${name} with (force)`);
    },
  };
}

export function databaseUrlOf(handle: DatabaseHandle): string {
  if (handle.target.kind !== "postgres") throw new Error("not a PostgreSQL handle");
  return handle.target.url;
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
