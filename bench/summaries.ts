/**
 * The accountability summaries at scale (docs/performance.md), against bare SQL in the same run:
 * the summary page's server time, CSV export throughput, and the exporting process's peak memory.
 *
 *   npx tsx bench/summaries.ts --database-url postgres://postgres@127.0.0.1:5432/civharm_bench --runs 20
 *
 * Memory is measured in a fresh process per export (bench/export-probe.ts), so one export's peak is not another's.
 */
import { execFileSync } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { PgDialect } from "drizzle-orm/pg-core";
import { Pool } from "pg";
import { openDatabase } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { summaryCharts } from "@/lib/summaries/charts";
import { translatorFor } from "@/lib/i18n/translator";
import { summarise, summaryStatements } from "@/lib/summaries/figures";
import { parseSummaryFilter, type SummaryFilter } from "@/lib/summaries/filters";
import { summaryTables } from "@/lib/summaries/tables";
import { chartTextOf } from "@/lib/summaries/wording";
import { benchUrl } from "./database";

const { values: options } = parseArgs({
  options: {
    "database-url": { type: "string" },
    runs: { type: "string", default: "20" },
    warmup: { type: "string", default: "3" },
  },
});
const url = benchUrl(options["database-url"]);
const runs = Number(options.runs);
const warmup = Number(options.warmup);

const filters: { name: string; filter: SummaryFilter }[] = [
  { name: "every case", filter: parseSummaryFilter({}) },
  { name: "Raqqa, 2017", filter: parseSummaryFilter({ governorate: "SY11", from: "2017-01-01", to: "2017-12-31" }) },
  { name: "coalition, closed or in redress", filter: parseSummaryFilter({ belligerent: "coalition", stage: ["closed", "redress"] }) },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)];

async function managerOf(pool: Pool): Promise<Actor> {
  const [row] = (await pool.query<Actor>("select id, email, name, role from users where email = 'bench-manager@bench.example'")).rows;
  if (!row) throw new Error("No bench accounts here: load the database with bench/generate.ts first.");
  return { ...row, kind: "user" };
}

async function main(): Promise<void> {
  const handle = openDatabase({ kind: "postgres", url });
  const pool = new Pool({ connectionString: url, max: 10 });
  const manager = await managerOf(pool);
  const dialect = new PgDialect();
  const [{ n }] = (await pool.query<{ n: string }>("select count(*) as n from cases")).rows;
  const [{ version }] = (await pool.query<{ version: string }>("select current_setting('server_version') as version")).rows;
  const t = translatorFor("en");
  const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");
  const lines = [
    `N = ${Number(n).toLocaleString("en")} cases · PostgreSQL ${version} · Node ${process.version} · ${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB · load average at start ${load()}`,
    "",
    `Summary page, server side (figures, tables and charts; no React rendering): ${runs} runs after ${warmup} warm-up, app and bare alternating`,
    "",
    "| filter | cases counted | app median ms | app p95 ms | bare median ms | bare p95 ms | app / bare |",
    "|---|---:|---:|---:|---:|---:|---:|",
  ];
  for (const { name, filter } of filters) {
    const page = async () => {
      const summary = await summarise(handle.db, manager, filter);
      summaryTables(summary, t, "en");
      summaryCharts(summary, chartTextOf(t, "en"));
      return summary.total.cases;
    };
    // The same statements with the same settings, sent as they are: what PostgreSQL alone takes.
    const statements = summaryStatements(filter).map((s) => dialect.sqlToQuery(s));
    const bareStatement = async (q: { sql: string; params: unknown[] }) => {
      const client = await pool.connect();
      try {
        await client.query("begin read only");
        await client.query("select set_config('jit', 'off', true), set_config('work_mem', '32MB', true)");
        const result = await client.query(q.sql, q.params);
        await client.query("commit");
        return result.rows.length;
      } finally {
        client.release();
      }
    };
    const bare = async () => (await Promise.all(statements.map(bareStatement)))[0];
    for (let i = 0; i < warmup; i++) await Promise.all([page(), bare()]);
    const app: number[] = [];
    const raw: number[] = [];
    let counted = 0;
    for (let i = 0; i < runs; i++) {
      for (const [run, into] of (i % 2 ? [[bare, raw], [page, app]] : [[page, app], [bare, raw]]) as [() => Promise<number>, number[]][]) {
        const start = performance.now();
        const result = await run();
        into.push(performance.now() - start);
        if (run === page) counted = result;
      }
    }
    lines.push(`| ${name} | ${counted.toLocaleString("en")} | ${median(app).toFixed(1)} | ${p95(app).toFixed(1)} | ${median(raw).toFixed(1)} | ${p95(raw).toFixed(1)} | ${(median(app) / median(raw)).toFixed(2)} |`);
  }

  lines.push("", "CSV export (internal, streamed to a counter), in its own process each; bare = the same keyset batches of 1,000 cases read with `select *` and joined with commas, no quoting", "");
  lines.push("| export | rows | app rows/s | bare rows/s | app / bare | process peak RSS MiB | before the export MiB |", "|---|---:|---:|---:|---:|---:|---:|");
  // The last row caps V8's heap: a peak that grows with the size by default is garbage not yet
  // collected, not data held, if the same export runs within the cap.
  const probes = [
    ["cases", "Raqqa, 2017", ""],
    ["cases", "every case", ""],
    ["victims", "Raqqa, 2017", ""],
    ["victims", "every case", ""],
    ["victims", "every case", "--max-old-space-size=96"],
  ] as const;
  for (const [kind, filterName, nodeOptions] of probes) {
    const env = { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, nodeOptions].filter(Boolean).join(" ") };
    const probe = () => execFileSync("node_modules/.bin/tsx", ["bench/export-probe.ts", url, kind, JSON.stringify(filters.find((f) => f.name === filterName)?.filter)], { encoding: "utf8", env });
    const results = Array.from({ length: 3 }, () => JSON.parse(probe()) as { rows: number; seconds: number; rssBeforeMiB: number; rssPeakMiB: number });
    const rate = median(results.map((r) => r.rows / r.seconds));
    const bareRates: number[] = [];
    for (let i = 0; i < 3; i++) bareRates.push(await bareCsv(pool, kind, filters.find((f) => f.name === filterName)?.filter ?? parseSummaryFilter({})));
    const bareRate = median(bareRates);
    lines.push(`| ${kind}, ${filterName}${nodeOptions ? ` (${nodeOptions})` : ""} | ${results[0].rows.toLocaleString("en")} | ${Math.round(rate).toLocaleString("en")} | ${Math.round(bareRate).toLocaleString("en")} | ${(rate / bareRate).toFixed(2)} | ${Math.max(...results.map((r) => r.rssPeakMiB)).toFixed(0)} | ${median(results.map((r) => r.rssBeforeMiB)).toFixed(0)} |`);
  }
  lines.push("", `load average at end ${load()}`);
  console.log(lines.join("\n"));
  await pool.end();
  await handle.close();
}

/** Rows per second for the same rows read in the same batches with the least work: the floor. */
async function bareCsv(pool: Pool, kind: "cases" | "victims", filter: SummaryFilter): Promise<number> {
  const where = [
    "c.deleted_at is null",
    "c.duplicate_of is null",
    ...(filter.governorate ? [`c.governorate_pcode = '${filter.governorate}'`] : []),
    ...(filter.from ? [`c.incident_date_to >= '${filter.from}'`] : []),
    ...(filter.to ? [`c.incident_date_from <= '${filter.to}'`] : []),
  ].join(" and ");
  const started = performance.now();
  let rows = 0;
  let after = "";
  for (;;) {
    const batch = (await pool.query(`select c.* from cases c where ${where} and c.reference > $1 order by c.reference limit 1000`, [after])).rows;
    if (kind === "cases") for (const r of batch) rows += Number(Object.values(r).join(",").length > 0);
    else {
      const items = (await pool.query("select * from victims where case_id = any($1)", [batch.map((r) => r.id)])).rows;
      for (const v of items) rows += Number(Object.values(v).join(",").length > 0);
    }
    if (batch.length < 1000) break;
    after = batch[batch.length - 1].reference;
  }
  return rows / ((performance.now() - started) / 1000);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
