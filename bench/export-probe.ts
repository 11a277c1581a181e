/**
 * One summary export in a fresh process, streamed to a counter: rows, seconds, and the process's
 * peak memory before and after (bench/summaries.ts runs it; it imports only what an export needs).
 *
 *   npx tsx bench/export-probe.ts <database url> <kind> '<filter as JSON>'
 */
import { Pool } from "pg";
import { openDatabase } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { startSummaryExport } from "@/lib/summaries/export";
import type { ExportKind } from "@/lib/summaries/export-kinds";
import { parseSummaryFilter } from "@/lib/summaries/filters";

async function main(): Promise<void> {
  const [url, kind, filterJson] = process.argv.slice(2);
  const handle = openDatabase({ kind: "postgres", url });
  const pool = new Pool({ connectionString: url, max: 1 });
  const [row] = (await pool.query<Actor>("select id, email, name, role from users where email = 'bench-manager@bench.example'")).rows;
  await pool.end();
  const manager: Actor = { ...row, kind: "user" };
  const filter = parseSummaryFilter(JSON.parse(filterJson ?? "{}"));
  const before = process.resourceUsage().maxRSS / 1024;
  const started = performance.now();
  const file = await startSummaryExport(handle.db, manager, { kind: kind as ExportKind, audience: "internal", filter });
  let lines = 0;
  let bytes = 0;
  const reader = file.body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    bytes += next.value.length;
    for (const byte of next.value) if (byte === 10) lines += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ rows: lines - 1, bytes, seconds, rssBeforeMiB: before, rssPeakMiB: process.resourceUsage().maxRSS / 1024 }));
  await handle.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
