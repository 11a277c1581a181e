import { getDatabase } from "@/db/client";
import { EmbeddedDatabaseLockedError } from "@/db/embedded-lock";
import { ensureDemoAccounts } from "@/db/seed/demo-accounts";
import { ensureDemoCases } from "@/db/seed/demo-cases";
import { sealAuditChain } from "./audit/record";
import { ConfigError, getConfig } from "./config";

/** Runs once as the server starts, before it takes requests: config, database, migrations, demo accounts and cases. */
export async function boot(): Promise<void> {
  try {
    const config = getConfig();
    const handle = getDatabase();
    await handle.migrate();
    // Events written before the hash chain existed get their place in it before any new one is appended.
    await sealAuditChain(handle.db);
    const seeded = config.demoMode ? await ensureDemoAccounts(handle.db) : false;
    // After the accounts: the demo cases are filed by them, and only into a database that never held a case.
    const demoCases = config.demoMode ? await ensureDemoCases(handle.db) : 0;
    const where = config.backend === "postgres" ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${config.dataDir}`;
    const notes = [seeded ? "demo accounts created (see README)" : "", demoCases ? `${demoCases} demo cases filed` : ""].filter(Boolean);
    console.log(`[boot] database ready: ${where}${notes.map((n) => `; ${n}`).join("")}`);
  } catch (err) {
    // The server must not take requests without its database: stop with a message an operator can act on.
    if (err instanceof ConfigError || err instanceof EmbeddedDatabaseLockedError) console.error(`\n${err.message}\n`);
    else console.error("\nThe database could not be prepared (connection or migration failed):", err, "\n");
    process.exit(1);
  }
}
