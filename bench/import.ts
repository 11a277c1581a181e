/**
 * Import throughput (issue #16), on PostgreSQL: a synthetic Airwars-style CSV of --rows rows is
 * previewed (previewImport) and committed (commitImport) into a fresh database, beside a bare
 * `INSERT … SELECT` of the same case rows into a copy of the table, measured in the same run.
 * Reports rows per second, the ratios, and the process's memory before and after.
 *
 *   npx tsx bench/import.ts [--database-url postgres://postgres@127.0.0.1:5432/civharm_bench_import] [--rows 100000]
 */
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { commitImport } from "@/lib/import/commit";
import { previewImport } from "@/lib/import/preview";
import { createUser } from "@/lib/users/commands";
import { benchUrl, ensureDatabase } from "./database";

const { values: options } = parseArgs({
  options: { "database-url": { type: "string" }, rows: { type: "string", default: "100000" } },
});
const rows = Number(options.rows);
const url = Object.assign(new URL(benchUrl(options["database-url"])), { pathname: "/civharm_bench_import" }).toString();

const header = "Code,Date,Country,Governorate,Location,Belligerent,Strike type,Civilians killed (min),Civilians killed (max),Injured,Civilian objects,Summary";
const places = ["Ar-Raqqa", "Deir-ez-Zor", "Aleppo", "Idleb", "Al-Hasakeh"];

function syntheticCsv(n: number): Buffer {
  const lines = [header];
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2015, 0, 1) + (i % 1500) * 86_400_000).toISOString().slice(0, 10);
    const min = i % 40;
    lines.push(`BX${i},${day},Syria,${places[i % places.length]},Neighbourhood ${i % 97},Coalition,Airstrike,${min},${min + (i % 5)},${i % 9},Residential building,"Strike ${i} reported by local sources."`);
  }
  return Buffer.from(lines.join("\n"));
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  await ensureDatabase(url, true);
  const handle = openDatabase({ kind: "postgres", url });
  await handle.migrate();
  const created = await createUser(handle.db, systemActor("bench"), { email: "importer@bench.example", name: "Bench Importer", role: "reviewer", password: "bench password never used 2017" });
  if (!created.ok) throw new Error("bench account refused");
  const actor: Actor = { kind: "user", id: created.value.id, email: "importer@bench.example", name: "Bench Importer", role: "reviewer" };

  const bytes = syntheticCsv(rows);
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = rssBefore;
  let heapPeak = heapBefore;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peak = Math.max(peak, now.rss);
    heapPeak = Math.max(heapPeak, now.heapUsed);
  }, 25);
  let t = performance.now();
  const preview = await previewImport(handle.db, actor, { bytes });
  const previewMs = performance.now() - t;
  const previewPeak = peak;
  const previewHeapPeak = heapPeak;
  if (!preview.ok || preview.value.validRows !== rows) throw new Error(`preview: ${JSON.stringify(preview).slice(0, 500)}`);

  t = performance.now();
  const commit = await commitImport(handle.db, actor, { fileName: "bench.csv", bytes, mapping: preview.value.mapping });
  const commitMs = performance.now() - t;
  if (!commit.ok || commit.value.created !== rows) throw new Error(`commit: ${JSON.stringify(commit).slice(0, 500)}`);
  const rssAfter = process.memoryUsage().rss;
  clearInterval(sampler);

  await handle.db.execute(sql`create table bare_cases (like cases including all)`);
  t = performance.now();
  await handle.db.execute(sql`insert into bare_cases select * from cases`);
  const bareMs = performance.now() - t;
  const [{ n }] = await rowsOf<{ n: string }>(handle.db, sql`select count(*)::text as n from bare_cases`);
  await handle.close();

  const perSecond = (ms: number) => Math.round((rows / ms) * 1000);
  console.log(`import of ${rows} rows (${mb(bytes.length)} CSV), ${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  console.log(`  preview:  ${perSecond(previewMs)} rows/s (${(previewMs / 1000).toFixed(1)} s)`);
  console.log(`  commit:   ${perSecond(commitMs)} rows/s (${(commitMs / 1000).toFixed(1)} s), ${(commitMs / bareMs).toFixed(1)}× the bare insert`);
  console.log(`  bare INSERT … SELECT of the same ${n} case rows, into a copy of the table with all its indexes: ${perSecond(bareMs)} rows/s (${(bareMs / 1000).toFixed(2)} s)`);
  console.log(`  memory (RSS): ${mb(rssBefore)} before, peaks ${mb(previewPeak)} in the preview and ${mb(peak)} in the commit, ${mb(rssAfter)} after`);
  console.log(`  JavaScript heap in use: ${mb(heapBefore)} before, peaks ${mb(previewHeapPeak)} in the preview and ${mb(heapPeak)} in the commit`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
