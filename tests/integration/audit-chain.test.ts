import { asc, desc, eq, isNull, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, cases } from "@/db/schema";
import { hararAlBaduInput } from "@/db/seed/case-samples";
import { eventHash, GENESIS } from "@/lib/audit/chain";
import { exportLines, verifyExportedLines } from "@/lib/audit/export";
import { recordAudit, sealAuditChain, withoutChainForBenchmarks } from "@/lib/audit/record";
import { lastVerification, runVerification, verifyDatabaseChain } from "@/lib/audit/verify";
import type { Actor } from "@/lib/auth/actor";
import { createCase, updateCase } from "@/lib/cases/commands";
import { victimCommands } from "@/lib/cases/items";
import { addAccount } from "../support/accounts";
import { backends } from "../support/databases";

/** The database's message when `statement` is refused (Drizzle wraps it as the cause of its own error). */
async function refusal(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
    return "not refused";
  } catch (err) {
    const e = err as Error & { cause?: Error };
    return e.cause?.message ?? e.message;
  }
}

describe.each(backends)("the audit hash chain on $name", (backend) => {
  let handle: DatabaseHandle;
  afterEach(() => handle?.close());

  /** A database holding an account and four cases, each with a victim and an edit: a chain of 13 events, with a hole in the ids after the first case. */
  async function chainOfEvents(): Promise<{ staff: Actor; ids: number[] }> {
    handle = await backend.open();
    const staff = await addAccount(handle.db, "staff", { name: "Amal" });
    for (let i = 0; i < 4; i++) {
      const created = await createCase(handle.db, staff, hararAlBaduInput({ title: `Case ${i}` }));
      if (!created.ok) throw new Error("setup");
      await victimCommands.add(handle.db, staff, created.value.id, { nameLatin: `Victim ${i}`, outcome: "killed" });
      await updateCase(handle.db, staff, created.value.id, { version: 1, narrative: `Edited ${i}` });
      if (i === 0) await handle.db.execute(sql.raw("select setval(pg_get_serial_sequence('audit_events', 'id'), (select max(id) + 5 from audit_events))"));
    }
    const ids = (await handle.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(asc(auditEvents.id))).map((r) => r.id);
    return { staff, ids };
  }

  /** Raw SQL as the database's superuser, the append-only trigger disabled first, as a tamperer would. */
  async function tamper(change: string[] | (() => Promise<void>)): Promise<void> {
    await handle.db.execute(sql.raw("alter table audit_events disable trigger user"));
    if (typeof change === "function") await change();
    else for (const statement of change) await handle.db.execute(sql.raw(statement));
    await handle.db.execute(sql.raw("alter table audit_events enable trigger user"));
  }

  it("links every event to the one before it from the start, and verifies", async () => {
    const { ids } = await chainOfEvents();
    const rows = await handle.db.select().from(auditEvents).orderBy(asc(auditEvents.id));
    expect(rows[0].prevHash).toBe(GENESIS);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    for (const row of rows) expect(row.hash).toBe(eventHash({ ...row, prevHash: row.prevHash! }));
    expect(await verifyDatabaseChain(handle.db)).toEqual({ ok: true, events: ids.length, headId: ids.at(-1), headHash: rows.at(-1)?.hash });
  });

  it("pinpoints a changed field", async () => {
    const { ids } = await chainOfEvents();
    await tamper([`update audit_events set reason = 'nothing happened' where id = ${ids[5]}`]);
    expect(await verifyDatabaseChain(handle.db)).toMatchObject({ ok: false, brokenId: ids[5], problem: "contentAltered", events: 5 });
  });

  it("pinpoints a deleted event at the event after it", async () => {
    const { ids } = await chainOfEvents();
    await tamper([`delete from audit_events where id = ${ids[4]}`]);
    const report = await verifyDatabaseChain(handle.db);
    expect(report).toMatchObject({ ok: false, brokenId: ids[5], problem: "linkBroken" });
    expect(report.ok || report.detail).toContain(`event ${ids[3]}'s hash`);
  });

  it("pinpoints two events swapped", async () => {
    const { ids } = await chainOfEvents();
    const [a, b] = [ids[6], ids[7]];
    await tamper([
      `update audit_events set id = -1 where id = ${a}`,
      `update audit_events set id = ${a} where id = ${b}`,
      `update audit_events set id = ${b} where id = -1`,
    ]);
    expect(await verifyDatabaseChain(handle.db)).toMatchObject({ ok: false, brokenId: a, problem: "contentAltered" });
  });

  it("pinpoints a forged event inserted with a well-formed hash, at the event after it", async () => {
    const { ids } = await chainOfEvents();
    // The hole left in the ids after the first case (as rolled-back transactions leave) is where the forger slips an event in.
    expect(ids[4] - ids[3]).toBeGreaterThan(1);
    const [before] = await handle.db.select().from(auditEvents).where(eq(auditEvents.id, ids[3]));
    const forged = { ...before, id: ids[3] + 1, action: "case.deleted", changes: null, reason: "forged", prevHash: before.hash! };
    await tamper(async () => {
      await handle.db.insert(auditEvents).values({ ...forged, hash: eventHash(forged) });
    });
    expect(await verifyDatabaseChain(handle.db)).toMatchObject({ ok: false, brokenId: ids[4], problem: "linkBroken" });
  });

  it("pinpoints a hash recomputed for one event only, at the event after it", async () => {
    const { ids } = await chainOfEvents();
    const [row] = await handle.db.select().from(auditEvents).where(eq(auditEvents.id, ids[10]));
    const rewritten = { ...row, reason: "rewritten", prevHash: row.prevHash! };
    await tamper([`update audit_events set reason = 'rewritten', hash = '${eventHash(rewritten)}' where id = ${ids[10]}`]);
    expect(await verifyDatabaseChain(handle.db)).toMatchObject({ ok: false, brokenId: ids[11], problem: "linkBroken" });
  });

  it("records each check as an event, for managers only, and catches the last event rewritten after a check", async () => {
    const { staff } = await chainOfEvents();
    const manager = await addAccount(handle.db, "manager", { name: "Layla" });
    await expect(runVerification(handle.db, staff)).rejects.toThrow(/audit:read/);
    expect(await runVerification(handle.db, manager)).toMatchObject({ ok: true });
    const [head] = await handle.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(head).toMatchObject({ action: "audit.verified", actorLabel: "Layla" });
    expect(await lastVerification(handle.db, manager)).toMatchObject({ ok: true, byLabel: "Layla", headId: head.id, headHash: head.hash });
    const rewritten = { ...head, reason: "rewritten", prevHash: head.prevHash! };
    await tamper([`update audit_events set reason = 'rewritten', hash = '${eventHash(rewritten)}' where id = ${head.id}`]);
    expect(await verifyDatabaseChain(handle.db)).toMatchObject({ ok: false, brokenId: head.id, problem: "headRewritten" });
  });

  it("refuses UPDATE, DELETE and TRUNCATE of audit events through the application's connection", async () => {
    const { ids } = await chainOfEvents();
    for (const statement of [
      `update audit_events set reason = 'x' where id = ${ids[0]}`,
      `delete from audit_events where id = ${ids[0]}`,
      "truncate audit_events",
    ]) {
      expect(await refusal(handle.db.execute(sql.raw(statement))), statement).toMatch(/audit_events is append-only/);
    }
    expect(await verifyDatabaseChain(handle.db)).toMatchObject({ ok: true, events: ids.length });
  });

  it("refuses to append from a transaction whose snapshot could predate the head", async () => {
    const { staff, ids } = await chainOfEvents();
    const appended = handle.db.transaction(async (tx) => {
      await tx.execute(sql.raw("set transaction isolation level repeatable read"));
      await recordAudit(tx, { actor: staff, action: "test.appended", entityType: "test" });
    });
    expect(await refusal(appended)).toMatch(/READ COMMITTED only, not repeatable read/);
    expect(await verifyDatabaseChain(handle.db)).toMatchObject({ ok: true, events: ids.length });
  });

  it("stays one chain under 20 parallel updates spread over 5 cases", async () => {
    handle = await backend.open();
    const staff = await addAccount(handle.db, "staff", { name: "Amal" });
    const caseIds: string[] = [];
    for (let i = 0; i < 5; i++) {
      const created = await createCase(handle.db, staff, hararAlBaduInput({ title: `Parallel ${i}` }));
      if (!created.ok) throw new Error("setup");
      caseIds.push(created.value.id);
    }
    // Each update reads the case's version and saves on it; a save that lost the race is refused as stale and tried again.
    const update = async (n: number) => {
      const caseId = caseIds[n % 5];
      for (let attempt = 0; attempt < 50; attempt++) {
        const [row] = await handle.db.select({ version: cases.version }).from(cases).where(eq(cases.id, caseId));
        const result = await updateCase(handle.db, staff, caseId, { version: row.version, narrative: `Update ${n}` });
        if (result.ok) return attempt;
        if (result.error !== "staleVersion") throw new Error(JSON.stringify(result));
      }
      throw new Error("never applied");
    };
    await Promise.all(Array.from({ length: 20 }, (_, n) => update(n)));
    const updates = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "case.updated"));
    expect(updates).toHaveLength(20);
    expect(await verifyDatabaseChain(handle.db)).toMatchObject({ ok: true, events: 1 + 5 + 20 });
  });

  it("exports a trail that verifies offline, and fails with one byte changed", async () => {
    const { ids } = await chainOfEvents();
    const lines: string[] = [];
    for await (const line of exportLines(handle.db, {}, "jsonl")) lines.push(line);
    const file = lines.join("");
    expect(await verifyExportedLines(file.split("\n"))).toMatchObject({ ok: true, events: ids.length });
    const at = file.indexOf("Edited 1");
    const altered = `${file.slice(0, at)}F${file.slice(at + 1)}`;
    expect(await verifyExportedLines(altered.split("\n"))).toMatchObject({ ok: false, problem: "contentAltered" });
    // A filtered export (one action) still has each event checked against its hash.
    const filtered: string[] = [];
    for await (const line of exportLines(handle.db, { action: "victim.added" }, "jsonl")) filtered.push(line);
    expect(await verifyExportedLines(filtered.join("").split("\n"))).toMatchObject({ ok: true, events: 4 });
  });
});

describe.each(backends)("events written before the chain existed, on $name", (backend) => {
  it("are sealed into the chain once, and nothing else about them can change", async () => {
    const handle = await backend.open();
    try {
      const staff = await addAccount(handle.db, "staff");
      // Written without the chain, as the events of a database from before the chain were.
      await withoutChainForBenchmarks(async () => {
        for (let i = 0; i < 3; i++) await createCase(handle.db, staff, hararAlBaduInput({ title: `Old ${i}` }));
      });
      const unsealed = await handle.db.select().from(auditEvents).where(isNull(auditEvents.hash));
      expect(unsealed).toHaveLength(3);
      expect(await verifyDatabaseChain(handle.db)).toMatchObject({ ok: false, problem: "notSealed", brokenId: unsealed[0].id });
      await sealAuditChain(handle.db);
      await createCase(handle.db, staff, hararAlBaduInput({ title: "New" }));
      expect(await verifyDatabaseChain(handle.db)).toMatchObject({ ok: true, events: 5 });
      expect(await refusal(handle.db.execute(sql.raw(`update audit_events set hash = null, prev_hash = null where id = ${unsealed[0].id}`)))).toMatch(
        /append-only/,
      );
    } finally {
      await handle.close();
    }
  });
});
