import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { getDatabase } from "@/db/client";
import { verifyExportedLines } from "@/lib/audit/export";
import { runVerification, type ChainReport } from "@/lib/audit/verify";
import { systemActor } from "@/lib/auth/actor";
import { exitWith, loadEnv } from "./cli-support";

const usage = `Verifies the audit trail's hash chain.

  npm run audit:verify                          the database's whole chain (as DATABASE_URL or DATA_DIR say)
  npm run audit:verify -- --file trail.jsonl    an exported JSON Lines trail, offline

Prints OK with the number of events, or the first broken event and what is wrong with it; exits 1 then.
The embedded database can be read by one process at a time: stop the server first.`;

loadEnv();
const { values } = (() => {
  try {
    return parseArgs({ options: { file: { type: "string" }, help: { type: "boolean" } } });
  } catch (err) {
    return exitWith(`${(err as Error).message}\n\n${usage}`, 2);
  }
})();
if (values.help) exitWith(usage, 0);

async function* linesOf(file: string): AsyncGenerator<string> {
  for await (const line of createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity })) yield line;
}

/** Line by line: a file of millions of events is never held in memory. */
const verifyFile = (file: string) => verifyExportedLines(linesOf(file));

function print(report: ChainReport | Awaited<ReturnType<typeof verifyFile>>, where: string): never {
  if (report.ok) {
    console.log(`OK: ${report.events} events verified in ${where}${report.headId !== null ? `; last event ${report.headId}, hash ${report.headHash}` : ""}`);
    process.exit(0);
  }
  console.error(`BROKEN in ${where}${report.brokenId !== null ? ` at event ${report.brokenId}` : ""} (${report.problem}), after ${report.events} intact events:\n  ${report.detail}`);
  process.exit(1);
}

try {
  if (values.file) print(await verifyFile(values.file), values.file);
  const handle = getDatabase();
  await handle.migrate();
  const report = await runVerification(handle.db, systemActor("command line"));
  await handle.close();
  print(report, "the database");
} catch (err) {
  exitWith((err as Error).message);
}
