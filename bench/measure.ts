/**
 * Times what the server runs for the case list and the case page against the equivalent bare SQL,
 * alternately, in one process against a database loaded by bench/generate.ts (docs/performance.md).
 *
 *   npx tsx bench/measure.ts --database-url postgres://postgres@127.0.0.1:5432/civharm_bench --runs 50
 */
import { cpus, loadavg, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { Pool } from "pg";
import { openDatabase } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { parseCaseListQuery } from "@/lib/cases/list-query";
import { caseTrail, getCase, listCases, possibleDuplicates } from "@/lib/cases/queries";
import { bareCasePage, bareList, type BareFilter } from "./bare";
import { benchUrl } from "./database";
import { percentile } from "./percentile";

const { values: options } = parseArgs({
  options: {
    "database-url": { type: "string" },
    runs: { type: "string", default: "100" },
    warmup: { type: "string", default: "5" },
  },
});
const url = benchUrl(options["database-url"]);
const runs = Number(options.runs);
const warmup = Number(options.warmup);

/** Each side returns what it found, reduced to something comparable, so a wrong bare query is caught. */
type Scenario = { name: string; app: (i: number) => Promise<string>; bare: (i: number) => Promise<string> };

async function time(run: () => Promise<string>, into: number[]): Promise<string> {
  const start = performance.now();
  const result = await run();
  into.push(performance.now() - start);
  return result;
}

async function main(): Promise<void> {
  const handle = openDatabase({ kind: "postgres", url });
  const pool = new Pool({ connectionString: url, max: 10 });
  const [reviewer] = (await pool.query<Actor>("select id, email, name, role from users where email = 'bench-reviewer-1@bench.example'")).rows;
  if (!reviewer) throw new Error("No bench accounts here: load the database with bench/generate.ts first.");
  const actor: Actor = { ...reviewer, kind: "user" };
  const [{ n }] = (await pool.query<{ n: string }>("select count(*) as n from cases")).rows;
  const sample = (await pool.query<{ id: string }>("select id from cases tablesample bernoulli (1) repeatable (2017) order by id limit 200")).rows.map((r) => r.id);
  // A rare word: one case's reference, which the search must find through the index, not by a walk.
  const [{ reference }] = (await pool.query<{ reference: string }>("select reference from cases where id = $1", [sample[0]])).rows;
  const [{ version }] = (await pool.query<{ version: string }>("select current_setting('server_version') as version")).rows;

  const list = (name: string, params: Record<string, string>, filter: BareFilter): Scenario => ({
    name,
    app: async () => {
      const r = await listCases(handle.db, actor, parseCaseListQuery(params));
      return JSON.stringify({ ids: r.items.map((c) => c.id), total: r.total });
    },
    bare: async () => JSON.stringify(await bareList(pool, filter)),
  });
  const scenarios: Scenario[] = [
    list("list, default view", {}, {}),
    list(
      "list, filtered (Raqqa, Jun-Oct 2017, submission)",
      { governorate: "SY11", from: "2017-06-01", to: "2017-10-31", stage: "submission" },
      { governorate: "SY11", from: "2017-06-01", to: "2017-10-31", stage: "submission" },
    ),
    list("list, answers overdue (over 90 days)", { overdue: "1" }, { overdueDays: 90 }),
    list("list, my cases (a reviewer's)", { mine: "1" }, { mine: actor.id }),
    list('search "فاطمه" (Arabic, ة typed as ه)', { q: "فاطمه" }, { tsQuery: "فاطمه:*" }),
    list('search "hussein" (Latin)', { q: "hussein" }, { tsQuery: "hussein:*" }),
    list(`search "${reference}" (one reference)`, { q: reference }, { tsQuery: reference.toLowerCase().split("-").map((w) => `${w}:*`).join(" & ") }),
    {
      name: "case page (random case)",
      app: async (i) => {
        const c = await getCase(handle.db, actor, sample[i % sample.length]);
        if (!c) throw new Error("sample case missing");
        const [trail, duplicates] = await Promise.all([caseTrail(handle.db, actor, c.id), possibleDuplicates(handle.db, actor, { ...c, excludeId: c.id })]);
        return JSON.stringify({ victims: c.victims.length, sources: c.sources.length, trail: trail.length, duplicates: duplicates.length });
      },
      bare: async (i) => {
        const r = await bareCasePage(pool, sample[i % sample.length]);
        return JSON.stringify({ ...r, duplicates: r.duplicates.length });
      },
    },
  ];

  const machine = `${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB`;
  const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");
  const lines = [
    `N = ${Number(n).toLocaleString("en")} cases · PostgreSQL ${version} · Node ${process.version} · ${machine} · load average at start ${load()}`,
    `${runs} timed runs per scenario after ${warmup} warm-up runs, app and bare alternating; times in ms, server side (no HTTP, no rendering)`,
    "",
    "| scenario | app median ms | app p95 ms | bare median ms | bare p95 ms | app / bare | matches |",
    "|---|---:|---:|---:|---:|---:|---:|",
  ];
  for (const s of scenarios) {
    for (let i = 0; i < warmup; i++) {
      const [a, b] = [await s.app(i), await s.bare(i)];
      if (a !== b) console.warn(`[bench] ${s.name}: app and bare disagree:\n  app  ${a.slice(0, 300)}\n  bare ${b.slice(0, 300)}`);
    }
    const app: number[] = [];
    const bare: number[] = [];
    let found = "";
    for (let i = 0; i < runs; i++) {
      // Alternate which goes first, so neither always profits from the other's warm cache.
      if (i % 2 === 0) {
        found = await time(() => s.app(i), app);
        await time(() => s.bare(i), bare);
      } else {
        await time(() => s.bare(i), bare);
        found = await time(() => s.app(i), app);
      }
    }
    app.sort((x, y) => x - y);
    bare.sort((x, y) => x - y);
    const [am, bm] = [percentile(app, 50), percentile(bare, 50)];
    const total = (JSON.parse(found) as { total?: number }).total;
    const cells = [s.name, am, percentile(app, 95), bm, percentile(bare, 95)].map((v) => (typeof v === "number" ? v.toFixed(1) : v));
    lines.push(`| ${cells.join(" | ")} | ${(am / bm).toFixed(2)} | ${total === undefined ? "—" : total.toLocaleString("en")} |`);
  }
  lines.push("", `load average at end ${load()}`);
  console.log(lines.join("\n"));
  await pool.end();
  await handle.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
