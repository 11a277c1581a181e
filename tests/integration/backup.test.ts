import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { backupEmbedded, backupPostgres, BackupError, restoreEmbedded, restorePostgres } from "@/db/backup";
import { hararAlBaduInput } from "@/db/seed/case-samples";
import { verifyDatabaseChain } from "@/lib/audit/verify";
import { createCase } from "@/lib/cases/commands";
import { victimCommands } from "@/lib/cases/items";
import { moveCase } from "@/lib/cases/stage-commands";
import { addAccount } from "../support/accounts";
import { databaseUrlOf, freshPostgresDatabase } from "../support/databases";
import { rowsOf } from "@/db/rows";

const tables = ["users", "cases", "victims", "sources", "comments", "stage_moves", "audit_events", "reference_counters"];

async function countsOf(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [{ n }] = await rowsOf<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`));
    counts[table] = n;
  }
  return counts;
}

/** Accounts, two allegations with a victim, a stage move: each a command, so each in the audit chain. */
async function populate(db: Db): Promise<void> {
  const staff = await addAccount(db, "staff");
  for (const title of ["Backed up once", "Backed up twice"]) {
    const created = await createCase(db, staff, hararAlBaduInput({ title }));
    if (!created.ok) throw new Error("setup");
    const victim = await victimCommands.add(db, staff, created.value.id, { nameLatin: `Victim of ${title}`, outcome: "killed" });
    if (!victim.ok) throw new Error("setup");
    const moved = await moveCase(db, staff, created.value.id, { move: "submit" });
    if (!moved.ok) throw new Error(`setup: ${JSON.stringify(moved)}`);
  }
}

const scratch = mkdtempSync(path.join(tmpdir(), "civharm-backup-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const serverUrl = process.env.TEST_DATABASE_URL;

describe.runIf(serverUrl)("a PostgreSQL backup", () => {
  it("restored into a new database has every row, an intact audit chain, and takes new writes", async () => {
    const source = await freshPostgresDatabase(serverUrl as string);
    const target = await freshPostgresDatabase(serverUrl as string, { migrate: false });
    try {
      await populate(source.db);
      const counts = await countsOf(source.db);
      const file = path.join(scratch, "civharm.dump");
      await backupPostgres(databaseUrlOf(source), file);
      await restorePostgres(file, databaseUrlOf(target));
      expect(await countsOf(target.db)).toEqual(counts);
      expect(await verifyDatabaseChain(target.db)).toMatchObject({ ok: true, events: counts.audit_events });
      await target.migrate();
      await populate(target.db);
      expect(await verifyDatabaseChain(target.db)).toMatchObject({ ok: true });
      await expect(restorePostgres(file, databaseUrlOf(target))).rejects.toThrow(BackupError);
    } finally {
      await source.close();
      await target.close();
    }
  });
});

describe("an embedded backup", () => {
  it("restored into a new folder has every row and an intact audit chain; it is refused while the database is open", async () => {
    const sourceDir = path.join(scratch, "source");
    const targetDir = path.join(scratch, "target");
    const file = path.join(scratch, "civharm-embedded.tar.gz");
    const source = openDatabase({ kind: "embedded", dataDir: sourceDir });
    await source.migrate();
    await populate(source.db);
    const counts = await countsOf(source.db);
    // The folder is locked while a process has it open: no backup of a database being written.
    await expect(backupEmbedded(sourceDir, file)).rejects.toThrow(/in use by another process/);
    await source.close();

    await backupEmbedded(sourceDir, file);
    await restoreEmbedded(file, targetDir);
    const target = openDatabase({ kind: "embedded", dataDir: targetDir });
    try {
      expect(await countsOf(target.db)).toEqual(counts);
      expect(await verifyDatabaseChain(target.db)).toMatchObject({ ok: true, events: counts.audit_events });
    } finally {
      await target.close();
    }
    await expect(restoreEmbedded(file, targetDir)).rejects.toThrow(BackupError);
  });
});
