/**
 * Loads N synthetic allegations (about 5 victims, 3 sources and 10 audit events each, and their
 * stage moves, assessments, sendings and answers, and redress items) into a
 * PostgreSQL database for the scale benchmark (docs/performance.md).
 *
 *   npx tsx bench/generate.ts --cases 100000 --database-url postgres://postgres@127.0.0.1:5432/civharm_bench --fresh
 */
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { Pool, type PoolClient } from "pg";
import { openDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { createUser } from "@/lib/users/commands";
import { benchAccounts, benchUrl, ensureDatabase } from "./database";
import { assessmentColumns, caseColumns, eventColumns, insertRows, redressColumns, responseColumns, sourceColumns, stageMoveColumns, victimColumns } from "./load";
import { seededRandom } from "./random";
import { caseFactory, type BenchUser, type SyntheticCase } from "./synthetic";
import { BenchChain } from "./chain";

const { values: options } = parseArgs({
  options: {
    cases: { type: "string", default: "100000" },
    "database-url": { type: "string" },
    batch: { type: "string", default: "1000" },
    seed: { type: "string", default: "2017" },
    fresh: { type: "boolean", default: false },
  },
});
const total = Number(options.cases);
const batchSize = Number(options.batch);
const url = benchUrl(options["database-url"]);

async function ensureUsers(handle: ReturnType<typeof openDatabase>): Promise<BenchUser[]> {
  const out: BenchUser[] = [];
  for (const account of benchAccounts) {
    let [row] = await handle.db.select().from(users).where(eq(users.email, account.email));
    if (!row) {
      const created = await createUser(handle.db, systemActor("bench generator"), { ...account, password: "bench password never used 2017" });
      if (!created.ok) throw new Error(`bench account refused: ${JSON.stringify(created)}`);
      [row] = await handle.db.select().from(users).where(eq(users.id, created.value.id));
    }
    out.push({ id: row.id, name: row.name, role: account.role });
  }
  return out;
}

async function load(client: PoolClient, batch: SyntheticCase[]): Promise<void> {
  await client.query("begin");
  await insertRows(client, "cases", caseColumns, batch.map((c) => c.caseRow));
  await insertRows(client, "victims", victimColumns, batch.flatMap((c) => c.victims));
  await insertRows(client, "sources", sourceColumns, batch.flatMap((c) => c.sources));
  await insertRows(client, "audit_events", eventColumns, batch.flatMap((c) => c.events));
  await insertRows(client, "stage_moves", stageMoveColumns, batch.flatMap((c) => c.lifecycle.moves));
  await insertRows(client, "assessments", assessmentColumns, batch.flatMap((c) => c.lifecycle.assessments));
  await insertRows(client, "belligerent_responses", responseColumns, batch.flatMap((c) => c.lifecycle.responses));
  await insertRows(client, "redress_items", redressColumns, batch.flatMap((c) => c.lifecycle.redress));
  await client.query("commit");
}

async function main(): Promise<void> {
  if (!Number.isInteger(total) || total < 1 || !Number.isInteger(batchSize) || batchSize < 1) throw new Error("--cases and --batch take whole numbers");
  const started = performance.now();
  await ensureDatabase(url, options.fresh);
  const handle = openDatabase({ kind: "postgres", url, maxConnections: 2 });
  await handle.migrate();
  const benchUsers = await ensureUsers(handle);
  await handle.close();

  const pool = new Pool({ connectionString: url, max: 2 });
  const counters = new Map<number, number>(
    (await pool.query<{ year: number; last_number: number }>("select year, last_number from reference_counters")).rows.map((r) => [r.year, r.last_number]),
  );
  const makeCase = caseFactory(seededRandom(Number(options.seed)), benchUsers, counters, seededRandom(Number(options.seed) + 1));
  const chain = await BenchChain.continuing(pool);
  const counts = { victims: 0, sources: 0, events: 0 };
  // Generating the next batch (CPU in Node) overlaps with loading the previous one (in PostgreSQL).
  let pending: Promise<void> = Promise.resolve();
  for (let done = 0; done < total; ) {
    const batch = Array.from({ length: Math.min(batchSize, total - done) }, () => makeCase());
    for (const c of batch) {
      chain.seal(c.events);
      counts.victims += c.victims.length;
      counts.sources += c.sources.length;
      counts.events += c.events.length;
    }
    await pending;
    pending = pool.connect().then(async (client) => {
      try {
        await load(client, batch);
      } finally {
        client.release();
      }
    });
    done += batch.length;
    if (done % (batchSize * 10) === 0 || done === total) {
      console.log(`[bench] ${done} cases generated (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  }
  await pending;
  await chain.finish(pool);

  // The app keeps numbering from here: the counter of each year is its highest reference number.
  for (const [year, last] of counters) {
    await pool.query(
      "insert into reference_counters (year, last_number) values ($1, $2) on conflict (year) do update set last_number = greatest(reference_counters.last_number, excluded.last_number)",
      [year, last],
    );
  }
  // What autovacuum would soon do on its own: statistics for the planner, and the visibility map
  // that lets a count be answered from an index without visiting the table.
  console.log("[bench] vacuum analyze");
  await pool.query("vacuum analyze");
  await pool.end();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`[bench] loaded ${total} cases, ${counts.victims} victims, ${counts.sources} sources, ${counts.events} case events in ${seconds} s`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
