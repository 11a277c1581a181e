import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { Client } from "pg";
import { acquireEmbeddedLock } from "./embedded-lock";

/**
 * Backups of either back end, and their restoration into an empty database (docs/operations.md).
 * PostgreSQL: pg_dump's custom format and pg_restore (the client tools must be at least the
 * server's version). Embedded: PGlite's own dump of its data folder, a gzipped tar, taken under the
 * folder's lock, so it is refused while the app (or anything else) has the database open.
 * Evidence files are not in the database: back up the evidence folder or bucket beside it.
 */

const run = promisify(execFile);

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

const pgData = (dataDir: string) => path.join(dataDir, "pglite");

export async function backupPostgres(url: string, file: string): Promise<void> {
  try {
    await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", file, "--dbname", url]);
  } catch (err) {
    throw new BackupError(`pg_dump failed: ${(err as { stderr?: string }).stderr?.trim() || (err as Error).message}`);
  }
}

/** Restores into a database that has no tables yet (a backup never overwrites a live database). */
export async function restorePostgres(file: string, url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>("select count(*) as n from information_schema.tables where table_schema in ('public', 'drizzle')");
    if (Number(rows[0].n) > 0) throw new BackupError("The target database is not empty: restore into a new, empty database.");
  } finally {
    await client.end();
  }
  try {
    await run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname", url, file]);
  } catch (err) {
    throw new BackupError(`pg_restore failed: ${(err as { stderr?: string }).stderr?.trim() || (err as Error).message}`);
  }
}

export async function backupEmbedded(dataDir: string, file: string): Promise<void> {
  if (!existsSync(pgData(dataDir))) throw new BackupError(`There is no embedded database in ${dataDir}.`);
  const lock = acquireEmbeddedLock(dataDir);
  try {
    const client = new PGlite(pgData(dataDir));
    try {
      // dumpDataDir, unlike a query, does not wait for the database to start.
      await client.waitReady;
      const dump = await client.dumpDataDir("gzip");
      await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await client.close();
    }
  } finally {
    lock.release();
  }
}

/** Restores into a data folder that holds no database yet. */
export async function restoreEmbedded(file: string, dataDir: string): Promise<void> {
  if (existsSync(pgData(dataDir)) && readdirSync(pgData(dataDir)).length > 0) {
    throw new BackupError(`${dataDir} already holds a database: restore into a new, empty folder.`);
  }
  const lock = acquireEmbeddedLock(dataDir);
  try {
    const client = new PGlite(pgData(dataDir), { loadDataDir: new Blob([await readFile(file)]) });
    await client.waitReady;
    await client.close();
  } finally {
    lock.release();
  }
}
