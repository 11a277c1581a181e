import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { cases, importRecords, imports } from "@/db/schema";
import { verifyDatabaseChain } from "@/lib/audit/verify";
import { readImportState } from "@/lib/import/queries";
import { commitImport } from "@/lib/import/commit";
import { guessMapping } from "@/lib/import/fields";
import { readTable } from "@/lib/import/table";
import { addAccount } from "../support/accounts";
import { databaseUrlOf, freshPostgresDatabase } from "../support/databases";
import { projectRoot } from "../support/processes";

const [header, first] = readFileSync(new URL("../fixtures/import/airwars-like.csv", import.meta.url), "utf8").split("\n");
const dir = mkdtempSync(path.join(tmpdir(), "civharm-import-crash-"));
const csvPath = path.join(dir, "crash.csv");
writeFileSync(csvPath, [header, ...Array.from({ length: 3000 }, (_, i) => first.replace("CS483", `CS483-crash${i}`))].join("\n"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the child until it has filed its first batch inside the transaction, then kills it (SIGKILL: no cleanup of any kind). */
function commitAndKill(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "tests/support/import-child.ts", ...args, "--file", csvPath], { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      // The whole group: npx, tsx and the node process that holds the transaction.
      if (out.includes("filing ")) process.kill(-child.pid!, "SIGKILL");
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
    child.on("error", reject);
    child.on("close", () => (out.includes("filing ") ? resolve(out) : reject(new Error(`the child ended before filing: ${out} ${err}`))));
  });
}

/** An import row and its reviewer, as a job would have them when its process is killed. */
async function prepare(handle: DatabaseHandle) {
  const reviewer = await addAccount(handle.db, "reviewer");
  const [row] = await handle.db
    .insert(imports)
    .values({ status: "running", fileName: "crash.csv", fileSize: 1, fileSha256: "0".repeat(64), createdBy: reviewer.id, heartbeatAt: new Date(Date.now() - 60_000) })
    .returning({ id: imports.id });
  return { reviewer, importId: row.id };
}

async function expectNothingFiled(handle: DatabaseHandle, importId: string) {
  const [{ n }] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(cases);
  expect(n).toBe(0);
  expect(await handle.db.select().from(importRecords).where(eq(importRecords.importId, importId))).toEqual([]);
  expect(await verifyDatabaseChain(handle.db)).toMatchObject({ ok: true });
}

/** After the crash the same file commits whole: everything, where there was nothing. */
async function expectEverythingOnRetry(handle: DatabaseHandle, reviewer: Parameters<typeof commitImport>[1]) {
  const bytes = readFileSync(csvPath);
  const table = await readTable(bytes);
  if (!table.ok) throw new Error(table.error);
  expect(await commitImport(handle.db, reviewer, { fileName: "crash.csv", bytes, mapping: guessMapping(table.value.sheets[0].headers) })).toMatchObject({ ok: true, value: { created: 3000 } });
  const [{ n }] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(cases);
  expect(n).toBe(3000);
}

/** The killed process's lock names a pid that is gone only once the system has reaped it. */
async function openWhenReleased(dataDir: string): Promise<DatabaseHandle> {
  for (let i = 0; ; i++) {
    try {
      return openDatabase({ kind: "embedded", dataDir });
    } catch (err) {
      if (i >= 50 || !(err instanceof Error) || err.name !== "EmbeddedDatabaseLockedError") throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe("a process killed in the middle of committing an import", () => {
  it.runIf(Boolean(process.env.TEST_DATABASE_URL))("on PostgreSQL leaves none of it, and the job shows as interrupted", async () => {
    const handle = await freshPostgresDatabase(process.env.TEST_DATABASE_URL!);
    try {
      const { reviewer, importId } = await prepare(handle);
      await commitAndKill(["--url", databaseUrlOf(handle), "--user", reviewer.id, "--import", importId]);
      // The server notices the dead connection and rolls its transaction back.
      for (let i = 0; i < 100; i++) {
        const [{ n }] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(sql`pg_stat_activity`).where(sql`datname = current_database() and state like 'idle in transaction%'`);
        if (n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await expectNothingFiled(handle, importId);
      expect(await readImportState(handle.db, reviewer, importId)).toMatchObject({ status: "interrupted" });
      await expectEverythingOnRetry(handle, reviewer);
    } finally {
      await handle.close();
    }
  });

  it("on embedded PGlite leaves none of it once the data folder is opened again", async () => {
    const dataDir = path.join(dir, "embedded");
    let handle = openDatabase({ kind: "embedded", dataDir });
    await handle.migrate();
    const { reviewer, importId } = await prepare(handle);
    await handle.close();
    await commitAndKill(["--data-dir", dataDir, "--user", reviewer.id, "--import", importId]);
    handle = await openWhenReleased(dataDir);
    try {
      await expectNothingFiled(handle, importId);
      await expectEverythingOnRetry(handle, reviewer);
    } finally {
      await handle.close();
    }
  });
});
