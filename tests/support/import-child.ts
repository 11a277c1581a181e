/**
 * A process that commits an import and is killed in the middle of it (tests/integration/import-crash.test.ts):
 * it prints "filing <done>" after each batch, inside the import's transaction, and waits a moment
 * there so the parent can kill it with the transaction open.
 *   tsx tests/support/import-child.ts (--url URL | --data-dir DIR) --file CSV --user ID --import ID
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { openDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { commitImport } from "@/lib/import/commit";
import { guessMapping } from "@/lib/import/fields";
import { readTable } from "@/lib/import/table";

const { values } = parseArgs({ options: { url: { type: "string" }, "data-dir": { type: "string" }, file: { type: "string" }, user: { type: "string" }, import: { type: "string" } } });
const handle = openDatabase(values.url ? { kind: "postgres", url: values.url } : { kind: "embedded", dataDir: values["data-dir"]! });
const bytes = readFileSync(values.file!);
const table = await readTable(bytes);
if (!table.ok) throw new Error(table.error);
const [user] = await handle.db.select().from(users).where(eq(users.id, values.user!));
const actor = { kind: "user" as const, id: user.id, email: user.email, name: user.name, role: user.role };
await commitImport(
  handle.db,
  actor,
  { fileName: "crash.csv", bytes, mapping: guessMapping(table.value.sheets[0].headers) },
  {
    importId: values.import!,
    progress: async (done) => {
      process.stdout.write(`filing ${done}\n`);
      await new Promise((r) => setTimeout(r, 200));
    },
    cancelled: async () => false,
  },
);
process.stdout.write("committed\n");
await handle.close();
