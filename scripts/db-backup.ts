import { parseArgs } from "node:util";
import { backupEmbedded, backupPostgres, restoreEmbedded, restorePostgres } from "@/db/backup";
import { targetFromConfig } from "@/db/client";
import { exitWith, loadEnv } from "./cli-support";

const usage = `Backs up the database, or restores a backup into an empty one (docs/operations.md).

  npm run db:backup -- --out FILE        the database DATABASE_URL or DATA_DIR names
  npm run db:restore -- --in FILE        into DATABASE_URL (an empty database) or DATA_DIR (an empty folder)

PostgreSQL: pg_dump and pg_restore must be installed (at least the server's version).
Embedded: stop the app first; the database can be open in one process at a time.
Evidence files are not in the database: copy the evidence folder (or bucket) too.`;

loadEnv();
const { values } = (() => {
  try {
    return parseArgs({ options: { out: { type: "string" }, in: { type: "string" }, help: { type: "boolean" } } });
  } catch (err) {
    return exitWith(`${(err as Error).message}\n\n${usage}`, 2);
  }
})();
if (values.help || Boolean(values.out) === Boolean(values.in)) exitWith(usage, values.help ? 0 : 2);

const target = targetFromConfig();
try {
  if (target.kind === "memory") throw new Error("An in-memory database has nothing to back up.");
  if (values.out) {
    await (target.kind === "postgres" ? backupPostgres(target.url, values.out) : backupEmbedded(target.dataDir, values.out));
    console.log(`Backed up to ${values.out}.`);
  } else if (values.in) {
    await (target.kind === "postgres" ? restorePostgres(values.in, target.url) : restoreEmbedded(values.in, target.dataDir));
    console.log(`Restored ${values.in}. Check it with: npm run audit:verify`);
  }
} catch (err) {
  exitWith((err as Error).message);
}
