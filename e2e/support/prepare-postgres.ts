/**
 * Run by the PostgreSQL web server of playwright.config.ts before `next start`: drops and recreates
 * the end-to-end database (civharm_e2e, on the server TEST_DATABASE_URL names), migrates it and
 * creates one account per role through the app's own createUser, as the system.
 * It only ever touches the database called civharm_e2e.
 */
import { Client } from "pg";
import { openDatabase } from "@/db/client";
import { DEMO_PASSWORD, demoAccounts } from "@/db/seed/demo-accounts";
import { systemActor } from "@/lib/auth/actor";
import { createUser } from "@/lib/users/commands";
import { E2E_DATABASE, e2eDatabaseUrl } from "./postgres-url";

const testUrl = process.env.TEST_DATABASE_URL;
if (!testUrl) {
  console.error("TEST_DATABASE_URL is not set: it names the PostgreSQL server for the end-to-end database.");
  process.exit(2);
}
const target = e2eDatabaseUrl(testUrl);

/** A connection to another database on the same server, to drop and create the target from. */
async function maintenanceClient(): Promise<Client> {
  const own = new URL(testUrl as string);
  const postgres = new URL(testUrl as string);
  postgres.pathname = "/postgres";
  let lastError: unknown;
  for (const url of [own, postgres]) {
    if (url.pathname === `/${E2E_DATABASE}`) continue;
    const client = new Client({ connectionString: url.toString() });
    try {
      await client.connect();
      return client;
    } catch (err) {
      lastError = err;
      await client.end().catch(() => undefined);
    }
  }
  throw lastError;
}

const client = await maintenanceClient();
try {
  await client.query(`drop database if exists ${E2E_DATABASE} with (force)`);
  await client.query(`create database ${E2E_DATABASE}`);
} finally {
  await client.end();
}

const handle = openDatabase({ kind: "postgres", url: target, maxConnections: 2 });
try {
  await handle.migrate();
  for (const account of demoAccounts) {
    const result = await createUser(handle.db, systemActor("end-to-end setup"), { ...account, password: DEMO_PASSWORD });
    if (!result.ok) throw new Error(`Account ${account.email} was refused: ${JSON.stringify(result)}`);
  }
} finally {
  await handle.close();
}
console.log(`[e2e] ${E2E_DATABASE} recreated, migrated, ${demoAccounts.length} role accounts created`);
