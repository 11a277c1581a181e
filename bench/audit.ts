/**
 * What the audit chain costs and how fast it is checked (docs/performance.md), on PostgreSQL:
 *
 * 1. Write throughput: the same case updates through the app's updateCase, with the chain and
 *    without it (withoutChainForBenchmarks), in two fresh databases, rounds alternating.
 * 2. Verification: a chain of --events synthetic events checked by verifyDatabaseChain, beside a
 *    bare read of the same rows in the same batches.
 *
 *   npx tsx bench/audit.ts [--database-url postgres://postgres@127.0.0.1:5432/civharm_bench] [--events 300000]
 */
import { cpus, loadavg, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { Pool } from "pg";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { hararAlBaduInput } from "@/db/seed/case-samples";
import { withoutChainForBenchmarks } from "@/lib/audit/record";
import { verifyDatabaseChain } from "@/lib/audit/verify";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { createCase, updateCase } from "@/lib/cases/commands";
import { createUser } from "@/lib/users/commands";
import { BenchChain } from "./chain";
import { benchUrl, ensureDatabase } from "./database";
import { eventColumns, insertRows } from "./load";
import { seededRandom } from "./random";
import { trail } from "./synthetic-items";

const { values: options } = parseArgs({
  options: {
    "database-url": { type: "string" },
    events: { type: "string", default: "300000" },
    rounds: { type: "string", default: "6" },
    updates: { type: "string", default: "400" },
    workers: { type: "string", default: "8" },
  },
});
const base = new URL(benchUrl(options["database-url"]));
const urlFor = (name: string) => Object.assign(new URL(base), { pathname: `/${name}` }).toString();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function freshDatabase(name: string): Promise<DatabaseHandle> {
  const url = urlFor(name);
  await ensureDatabase(url, true);
  const handle = openDatabase({ kind: "postgres", url, maxConnections: 12 });
  await handle.migrate();
  return handle;
}

/** A database with one staff account and one case per worker (each worker edits its own case: no conflicts). */
async function writeTarget(name: string, workers: number): Promise<{ handle: DatabaseHandle; actor: Actor; cases: { id: string; version: number }[] }> {
  const handle = await freshDatabase(name);
  const created = await createUser(handle.db, systemActor("bench"), { email: "writer@bench.example", name: "Bench Writer", role: "reviewer", password: "bench password never used 2017" });
  if (!created.ok) throw new Error("bench account refused");
  const actor: Actor = { kind: "user", id: created.value.id, email: "writer@bench.example", name: "Bench Writer", role: "reviewer" };
  const cases = [];
  for (let i = 0; i < workers; i++) {
    const c = await createCase(handle.db, actor, hararAlBaduInput({ title: `Write target ${i}` }));
    if (!c.ok) throw new Error("bench case refused");
    cases.push({ id: c.value.id, version: 1 });
  }
  return { handle, actor, cases };
}

/** `updates` edits spread over the workers, each worker in turn on its own case; updates per second. */
async function writeRound(target: Awaited<ReturnType<typeof writeTarget>>, updates: number, round: number): Promise<number> {
  const started = performance.now();
  await Promise.all(
    target.cases.map(async (c, w) => {
      for (let i = w; i < updates; i += target.cases.length) {
        const result = await updateCase(target.handle.db, target.actor, c.id, { version: c.version, narrative: `Round ${round}, edit ${i}` });
        if (!result.ok) throw new Error(`bench update refused: ${JSON.stringify(result)}`);
        c.version = result.value.version;
      }
    }),
  );
  return updates / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const rounds = Number(options.rounds);
  const updates = Number(options.updates);
  const workers = Number(options.workers);
  const events = Number(options.events);
  console.log(`${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB · Node ${process.version} · load average at start ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);

  // 1. Writes, with and without the chain, rounds alternating which goes first.
  const chained = await writeTarget("civharm_bench_chained", workers);
  const unchained = await writeTarget("civharm_bench_unchained", workers);
  const rates = { chained: [] as number[], unchained: [] as number[] };
  await writeRound(chained, workers * 5, 0);
  await withoutChainForBenchmarks(() => writeRound(unchained, workers * 5, 0));
  for (let r = 1; r <= rounds; r++) {
    const runChained = async () => rates.chained.push(await writeRound(chained, updates, r));
    const runUnchained = async () => rates.unchained.push(await withoutChainForBenchmarks(() => writeRound(unchained, updates, r)));
    if (r % 2) {
      await runChained();
      await runUnchained();
    } else {
      await runUnchained();
      await runChained();
    }
  }
  const intact = await verifyDatabaseChain(chained.handle.db);
  if (!intact.ok) throw new Error(`the chained database does not verify: ${intact.detail}`);
  await chained.handle.close();
  await unchained.handle.close();
  const [withChain, without] = [median(rates.chained), median(rates.unchained)];
  console.log(`\n${rounds} rounds of ${updates} case updates by ${workers} concurrent writers (medians of the rounds):`);
  console.log("| writes | updates per second | chained / unchained |\n|---|---:|---:|");
  console.log(`| without the chain | ${without.toFixed(0)} | — |`);
  console.log(`| with the chain | ${withChain.toFixed(0)} | ${(withChain / without).toFixed(2)} (costs ${((1 - withChain / without) * 100).toFixed(1)} %) |`);
  console.log(`per round, with: ${rates.chained.map((x) => x.toFixed(0)).join(", ")}; without: ${rates.unchained.map((x) => x.toFixed(0)).join(", ")}`);

  // 2. Verification of a long chain, beside reading the same rows.
  const verifyHandle = await freshDatabase("civharm_bench_verify");
  const pool = new Pool({ connectionString: urlFor("civharm_bench_verify"), max: 2 });
  const chain = await BenchChain.continuing(pool);
  const random = seededRandom(2017);
  const author = { id: null as unknown as string, name: "bench", role: "reviewer" as const };
  for (let loaded = 0; loaded < events; ) {
    const t = trail(random, "00000000-0000-4000-8000-000000000000", Date.parse("2017-06-01T00:00:00Z"));
    const n = Math.min(5000, events - loaded);
    for (let i = 0; i < n; i++) t.add(author, "case.updated", "case", `bench-${loaded + i}`, { narrative: { from: `before ${i}`, to: `after ${i}` } });
    for (const e of t.events) e.case_id = null;
    chain.seal(t.events);
    const client = await pool.connect();
    try {
      await insertRows(client, "audit_events", eventColumns, t.events);
    } finally {
      client.release();
    }
    loaded += n;
  }
  await chain.finish(pool);
  await pool.query("vacuum analyze audit_events");
  const timings = { verify: [] as number[], read: [] as number[] };
  for (let r = 0; r < 3; r++) {
    let started = performance.now();
    const report = await verifyDatabaseChain(verifyHandle.db);
    timings.verify.push(performance.now() - started);
    if (!report.ok || report.events !== events) throw new Error(`verification failed: ${JSON.stringify(report)}`);
    started = performance.now();
    for (let after = 0; ; ) {
      const rows = (await pool.query<{ id: string }>("select * from audit_events where id > $1 order by id limit 5000", [after])).rows;
      if (rows.length < 5000) break;
      after = Number(rows[rows.length - 1].id);
    }
    timings.read.push(performance.now() - started);
  }
  await pool.end();
  await verifyHandle.close();
  const [verifyMs, readMs] = [median(timings.verify), median(timings.read)];
  console.log(`\nVerification of ${events.toLocaleString("en")} events (median of 3):`);
  console.log("| | seconds | events per second | / bare read |\n|---|---:|---:|---:|");
  console.log(`| bare read, same batches | ${(readMs / 1000).toFixed(2)} | ${Math.round(events / (readMs / 1000)).toLocaleString("en")} | 1.00 |`);
  console.log(`| verifyDatabaseChain | ${(verifyMs / 1000).toFixed(2)} | ${Math.round(events / (verifyMs / 1000)).toLocaleString("en")} | ${(verifyMs / readMs).toFixed(2)} |`);
  console.log(`\nload average at end ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  for (const name of ["civharm_bench_chained", "civharm_bench_unchained", "civharm_bench_verify"]) {
    const admin = new Pool({ connectionString: urlFor("postgres"), max: 1 });
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
