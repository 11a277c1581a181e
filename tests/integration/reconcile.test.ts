import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, belligerentResponses, cases, reconciliations } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { verifyDatabaseChain } from "@/lib/audit/verify";
import { commitImport } from "@/lib/import/commit";
import { guessMapping } from "@/lib/import/fields";
import { readTable } from "@/lib/import/table";
import { confirmMatch, createReconciliation, markNoMatch, rereadReconciliation } from "@/lib/reconcile/commands";
import { reconciliationReading, reconciliationView } from "@/lib/reconcile/queries";
import { addAccount } from "../support/accounts";
import { testEvidenceStore } from "../support/api";
import { backends } from "../support/databases";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));

describe.each(backends)("reconciling a belligerent's published table on $name", (backend) => {
  let handle: DatabaseHandle;
  let reviewer: Actor;
  let staff: Actor;
  const ours = new Map<string, string>();
  beforeAll(async () => {
    handle = await backend.open();
    reviewer = await addAccount(handle.db, "reviewer");
    staff = await addAccount(handle.db, "staff");
    // Our allegations: A1 and A2 sent to the coalition and awaiting its answer, A3 only assessed, A4 another belligerent's.
    const bytes = fixture("our-allegations-sent.csv");
    const table = await readTable(bytes);
    if (!table.ok) throw new Error(table.error);
    const filed = await commitImport(handle.db, reviewer, { fileName: "ours.csv", bytes, mapping: guessMapping(table.value.sheets[0].headers) });
    expect(filed).toMatchObject({ ok: true, value: { created: 4 } });
    for (const c of await handle.db.select().from(cases)) ours.set(c.externalCodes[0], c.id);
  });
  afterAll(() => handle.close());

  let tableId = "";
  const view = async () => (await reconciliationView(handle.db, reviewer, tableId))!;
  const row = async (reference: string) => (await view()).rows.find((r) => r.theirReference === reference)!;

  it("reads their table, proposes our allegations with the evidence, and lists the incidents nobody here documented", async () => {
    const created = await createReconciliation(handle.db, testEvidenceStore(), reviewer, { fileName: "cjtf-release-2018-01.csv", bytes: fixture("coalition-release.csv") }, { belligerent: "coalition", releasedOn: "2018-01-31" });
    if (!created.ok) throw new Error(created.error);
    expect(created.value).toMatchObject({ rows: 6, valid: 5 });
    expect(created.value.problems.map((p) => [p.row, p.column, p.message])).toEqual([[6, "Date", "invalidDate"]]);
    tableId = created.value.id;
    // Their table is kept as the provenance of the answers confirmed from it.
    const [kept] = await handle.db.select().from(reconciliations).where(eq(reconciliations.id, tableId));
    const stored = await testEvidenceStore().get(kept.fileKey!);
    const bytes: Buffer[] = [];
    for await (const chunk of stored!.stream) bytes.push(Buffer.from(chunk));
    expect(Buffer.concat(bytes).equals(fixture("coalition-release.csv"))).toBe(true);

    const { rows, counts } = await view();
    const proposed = Object.fromEntries(rows.map((r) => [r.theirReference, r.proposals.map((p) => [[...ours].find(([, id]) => id === p.caseId)![0], p.daysApart, p.sameGovernorate, p.km])]));
    expect(proposed).toEqual({
      "CR-1": [["A1", 1, true, 0.2]],
      "CR-2": [["A2", 1, true, null]],
      "CR-3": [["A3", 0, true, null]],
      // Unmatched: the coalition concedes an incident in Deir-ez-Zor that nobody here has documented.
      "CR-4": [],
      // A near miss: A2 two days off, A1 four (outside the 3-day window).
      "CR-6": [["A2", 2, true, null]],
    });
    expect(counts).toEqual({ proposed: 4, unmatched: 1, confirmed: 0, noMatch: 0 });
    expect((await row("CR-1")).answeredOn).toBe("2018-01-31");
    const [event] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "reconciliation.imported"));
    expect(event).toMatchObject({ actorId: reviewer.id, entityId: tableId, changes: { counts: { to: { rows: 6, valid: 5, invalid: 1 } } } });
  });

  it("records the answer on our case as if typed when a reviewer confirms a match", async () => {
    const cr1 = await row("CR-1");
    expect(await confirmMatch(handle.db, reviewer, cr1.id, { caseId: ours.get("A1") })).toEqual({ ok: true, value: { caseId: ours.get("A1") } });
    const [response] = await handle.db.select().from(belligerentResponses).where(eq(belligerentResponses.caseId, ours.get("A1")!));
    expect(response).toMatchObject({ answer: "credible", deathsConcededMin: 3, deathsConcededMax: 3, answeredOn: "2018-01-31", answerReference: "CR-1", answerRecordedBy: reviewer.id });
    const [answered] = await handle.db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.action} = 'response.answered' and ${auditEvents.caseId} = ${ours.get("A1")}`);
    expect(answered.reason).toBe("from the belligerent's table cjtf-release-2018-01.csv, row 2");

    const cr2 = await row("CR-2");
    expect(await confirmMatch(handle.db, reviewer, cr2.id, { caseId: ours.get("A2") })).toMatchObject({ ok: true });
    const [nonCredible] = await handle.db.select().from(belligerentResponses).where(eq(belligerentResponses.caseId, ours.get("A2")!));
    expect(nonCredible).toMatchObject({ answer: "non_credible", nonCredibleReason: "insufficient_evidence" });

    expect((await view()).counts).toEqual({ proposed: 2, unmatched: 1, confirmed: 2, noMatch: 0 });
    expect(await confirmMatch(handle.db, reviewer, cr1.id, { caseId: ours.get("A1") })).toMatchObject({ ok: false, error: "reconciliationDecided" });
    expect((await verifyDatabaseChain(handle.db)).ok).toBe(true);
  });

  it("refuses what the answer form would refuse, a case that was not proposed, and anyone who may not record answers", async () => {
    const cr3 = await row("CR-3");
    // A3 was never sent to the coalition: no answer can be recorded on it, and nothing is decided.
    expect(await confirmMatch(handle.db, reviewer, cr3.id, { caseId: ours.get("A3") })).toMatchObject({ ok: false, error: "answerNotNow" });
    expect(await confirmMatch(handle.db, reviewer, cr3.id, { caseId: ours.get("A1") })).toMatchObject({ ok: false, fieldErrors: { caseId: ["notAProposal"] } });
    expect((await row("CR-3")).decision).toBeNull();
    expect(await confirmMatch(handle.db, staff, cr3.id, { caseId: ours.get("A3") })).toMatchObject({ ok: false, error: "forbidden" });
    await expect(reconciliationView(handle.db, staff, tableId)).rejects.toThrow();
    expect(await createReconciliation(handle.db, testEvidenceStore(), staff, { fileName: "x.csv", bytes: fixture("coalition-release.csv") }, { belligerent: "coalition", releasedOn: "2018-01-31" })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await createReconciliation(handle.db, testEvidenceStore(), reviewer, { fileName: "x.csv", bytes: fixture("coalition-release.csv") }, { belligerent: "nobody", releasedOn: "2018-02-30" })).toMatchObject({
      ok: false,
      fieldErrors: { belligerent: ["required"], releasedOn: ["invalidDate"] },
    });
  });

  it("adds a row a reviewer says is none of ours to the unmatched incidents", async () => {
    const cr6 = await row("CR-6");
    expect(await markNoMatch(handle.db, reviewer, cr6.id)).toEqual({ ok: true, value: undefined });
    expect((await view()).counts).toEqual({ proposed: 1, unmatched: 2, confirmed: 2, noMatch: 1 });
    expect(await markNoMatch(handle.db, reviewer, cr6.id)).toMatchObject({ ok: false, error: "reconciliationDecided" });
  });

  it("reads a table again with the mapping a person corrected, until one of its rows is decided", async () => {
    // Their answer column under a header nobody guesses: every row lacks an answer until it is mapped.
    const bytes = Buffer.from(fixture("coalition-release.csv").toString("utf8").replace("Assessment", "Verdict"));
    const created = await createReconciliation(handle.db, testEvidenceStore(), reviewer, { fileName: "verdicts.csv", bytes }, { belligerent: "coalition", releasedOn: "2018-01-31" });
    if (!created.ok) throw new Error(created.error);
    expect(created.value).toMatchObject({ rows: 6, valid: 0 });
    const id = created.value.id;
    const reading = await reconciliationReading(handle.db, testEvidenceStore(), reviewer, id);
    expect(reading).toMatchObject({ headers: expect.arrayContaining(["Verdict"]), dateOrder: "dmy" });
    expect(Object.values(reading!.mapping)).not.toContain("answer");

    const mapping = { ...reading!.mapping, [reading!.headers.indexOf("Verdict")]: "answer" };
    expect(await rereadReconciliation(handle.db, testEvidenceStore(), staff, id, { mapping })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await rereadReconciliation(handle.db, testEvidenceStore(), reviewer, id, { mapping: { 0: "title" } })).toMatchObject({ ok: false, fieldErrors: { mapping: ["invalid"] } });
    const again = await rereadReconciliation(handle.db, testEvidenceStore(), reviewer, id, { mapping });
    expect(again).toMatchObject({ ok: true, value: { rows: 6, valid: 5 } });
    const reread = await reconciliationView(handle.db, reviewer, id);
    expect(reread!.rows.map((r) => [r.theirReference, r.answer])).toEqual(
      expect.arrayContaining([
        ["CR-1", "credible"],
        ["CR-2", "non_credible"],
      ]),
    );
    const [event] = (await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "reconciliation.reread"))).filter((e) => e.entityId === id);
    expect(event.changes).toMatchObject({ mapping: { to: mapping }, counts: { to: { rows: 6, valid: 5, invalid: 1 } } });

    // Once a row is decided, the table is read as it stands.
    expect(await markNoMatch(handle.db, reviewer, reread!.rows[0].id)).toMatchObject({ ok: true });
    expect(await rereadReconciliation(handle.db, testEvidenceStore(), reviewer, id, { mapping })).toMatchObject({ ok: false, error: "reconciliationStarted" });
  });
});
