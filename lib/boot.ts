import { getDatabase } from "@/db/client";
import { EmbeddedDatabaseLockedError } from "@/db/embedded-lock";
import { ensureDemoAccounts } from "@/db/seed/demo-accounts";
import { ConfigError, getConfig } from "./config";

/** Runs once as the server starts, before it takes requests: config, database, migrations, demo accounts. */
export async function boot(): Promise<void> {
  try {
    const config = getConfig();
    const handle = getDatabase();
    await handle.migrate();
    const seeded = config.demoMode ? await ensureDemoAccounts(handle.db) : false;
    const where = config.backend === "postgres" ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${config.dataDir}`;
    console.log(`[boot] database ready: ${where}${seeded ? "; demo accounts created (see README)" : ""}`);
  } catch (err) {
    // The server must not take requests without its database: stop with a message an operator can act on.
    if (err instanceof ConfigError || err instanceof EmbeddedDatabaseLockedError) console.error(`\n${err.message}\n`);
    else console.error("\nThe database could not be prepared (connection or migration failed):", err, "\n");
    process.exit(1);
  }
}
