import { readFileSync } from "node:fs";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { assessments, auditEvents, belligerentResponses, cases, importRecords, stageMoves } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { verifyDatabaseChain } from "@/lib/audit/verify";
import { moveCase } from "@/lib/cases/stage-commands";
import { commitImport } from "@/lib/import/commit";
import { guessMapping } from "@/lib/import/fields";
import { previewImport } from "@/lib/import/preview";
import { readTable } from "@/lib/import/table";
import { undoImport } from "@/lib/import/undo";
import { addAccount } from "../support/accounts";
import { backends } from "../support/databases";

const graded = readFileSync(new URL("../fixtures/import/airwars-graded.csv", import.meta.url));

/** The fixture with its codes made unique to this test, so tests sharing a database do not meet each other's. */
const withCodes = (suffix: string) => Buffer.from(graded.toString("utf8").replace(/\bG(\d+)\b/g, `G$1-${suffix}`));

async function mappingOf(bytes: Uint8Array) {
  const table = await readTable(bytes);
  if (!table.ok) throw new Error(table.error);
  return guessMapping(table.value.sheets[0].headers);
}

describe.each(backends)("an import that carries stage, grading and the belligerent's answer, on $name", (backend) => {
  let handle: DatabaseHandle;
  let reviewer: Actor;
  beforeAll(async () => {
    handle = await backend.open();
    reviewer = await addAccount(handle.db, "reviewer");
  });
  afterAll(() => handle.close());

  const filedWith = async (suffix: string) => {
    const found = await handle.db
      .select()
      .from(cases)
      .where(sql`${cases.externalCodes}[1] like ${`G%-${suffix}`}`);
    return new Map(found.map((c) => [c.externalCodes[0].split("-")[0], c]));
  };

  it("guesses the lifecycle columns from their headers", async () => {
    const mapping = await mappingOf(graded);
    expect(Object.values(mapping)).toEqual(
      expect.arrayContaining(["stage", "grading", "answer", "deathsConceded", "answeredOn", "nonCredibleReason", "closingReason"]),
    );
  });

  it("previews every row the stage machine or the lifecycle forms would refuse, on the column to correct", async () => {
    const bytes = withCodes("p");
    const preview = await previewImport(handle.db, reviewer, { bytes, mapping: await mappingOf(bytes) });
    if (!preview.ok) throw new Error(preview.error);
    const problems = preview.value.problems.map((p) => [p.row, p.column, p.message]);
    expect(problems).toEqual([
      [6, "Stage", "importStageBeforeData"],
      [7, "Stage", "discountedIsClosed"],
      [8, "Non-credible reason", "required"],
      [9, null, "importNeedsSentOn"],
      [9, "Answered on", "required"],
      [12, "Answered on", "beforeIncident"],
    ]);
    expect(preview.value).toMatchObject({ rows: 11, toFile: 6, invalidRows: 5 });
    expect(preview.value.firstRows.map((r) => [r.row, r.stage, r.grading, r.answer])).toEqual([
      [2, "belligerent_response", "fair", "credible"],
      [3, "assessment", "weak", null],
      [4, "belligerent_response", "confirmed", "non_credible"],
      [5, "closed", "discounted", null],
      [10, "redress", "confirmed", "credible"],
      [11, "submission", null, null],
    ]);
  });

  it("files each allegation in the stage its row gives, by the moves a person would make, each with the file and row in its trail", async () => {
    const bytes = withCodes("c");
    const outcome = await commitImport(handle.db, reviewer, { fileName: "graded.csv", bytes, mapping: await mappingOf(bytes) });
    expect(outcome).toMatchObject({ ok: true, value: { created: 6, invalidRows: 5 } });
    if (!outcome.ok) return;
    const filed = await filedWith("c");
    expect([...filed.entries()].map(([code, c]) => [code, c.stage, c.grading, c.closingReason]).sort()).toEqual([
      ["G1", "belligerent_response", "fair", null],
      ["G10", "submission", null, null],
      ["G2", "assessment", "weak", null],
      ["G3", "belligerent_response", "confirmed", null],
      ["G4", "closed", "discounted", "discounted"],
      ["G9", "redress", "confirmed", null],
    ]);

    const responses = await handle.db
      .select()
      .from(belligerentResponses)
      .where(inArray(belligerentResponses.caseId, [...filed.values()].map((c) => c.id)));
    const answerOf = (code: string) => responses.find((r) => r.caseId === filed.get(code)!.id);
    // "Answered on" in the file's day-first order; with no "sent on", sent by the day of its answer.
    expect(answerOf("G1")).toMatchObject({ answer: "credible", deathsConcededMin: 3, deathsConcededMax: 3, answeredOn: "2018-03-01", sentOn: "2018-03-01" });
    expect(answerOf("G3")).toMatchObject({ answer: "non_credible", nonCredibleReason: "insufficient_evidence", deathsConcededMin: null });
    expect(answerOf("G9")).toMatchObject({ answer: "credible", deathsConcededMin: 8 });
    expect(filed.get("G1")!.awaitingAnswerSince).toBeNull();
    expect(responses).toHaveLength(3);
    const [assessment] = await handle.db.select().from(assessments).where(eq(assessments.caseId, filed.get("G2")!.id));
    expect(assessment).toMatchObject({ grading: "weak", method: "desk_review", reasoning: "Graded “weak” in graded.csv, row 3.", assessedBy: reviewer.id });

    const g9 = filed.get("G9")!;
    const moves = await handle.db.select().from(stageMoves).where(eq(stageMoves.caseId, g9.id)).orderBy(asc(stageMoves.id));
    expect(moves.map((m) => [m.move, m.toStage, m.reason])).toEqual([
      ["submit", "assessment", "imported from graded.csv, row 10"],
      ["send_to_belligerent", "belligerent_response", "imported from graded.csv, row 10"],
      ["pursue_redress", "redress", "imported from graded.csv, row 10"],
    ]);
    const trail = await handle.db.select().from(auditEvents).where(eq(auditEvents.caseId, g9.id)).orderBy(asc(auditEvents.id));
    expect(trail.map((e) => e.action)).toEqual(["case.created", "case.submit", "assessment.added", "case.send_to_belligerent", "response.sent", "response.answered", "case.pursue_redress"]);
    expect(trail.every((e) => e.reason === "imported from graded.csv, row 10" && e.actorId === reviewer.id)).toBe(true);

    const records = await handle.db.select().from(importRecords).where(eq(importRecords.importId, outcome.value.importId));
    expect(records.every((r) => r.created && r.caseVersion === [...filed.values()].find((c) => c.id === r.caseId)!.version)).toBe(true);
    expect((await verifyDatabaseChain(handle.db)).ok).toBe(true);

    // The same file again: nothing filed twice, no move made twice.
    const again = await commitImport(handle.db, reviewer, { fileName: "graded.csv", bytes, mapping: await mappingOf(bytes) });
    expect(again).toMatchObject({ ok: true, value: { created: 0, updated: 0, skipped: 6 } });
    expect(await handle.db.select().from(stageMoves).where(eq(stageMoves.caseId, g9.id))).toHaveLength(3);
  });

  it("undoes an import whose rows it moved, but not once someone changed one of them since", async () => {
    const first = withCodes("u1");
    const undone = await commitImport(handle.db, reviewer, { fileName: "graded.csv", bytes: first, mapping: await mappingOf(first) });
    if (!undone.ok) throw new Error(undone.error);
    expect(await undoImport(handle.db, reviewer, undone.value.importId, { reason: "wrong file" })).toEqual({ ok: true, value: { withdrawn: 6 } });
    expect([...(await filedWith("u1")).values()].every((c) => c.deletedAt !== null)).toBe(true);

    const second = withCodes("u2");
    const kept = await commitImport(handle.db, reviewer, { fileName: "graded.csv", bytes: second, mapping: await mappingOf(second) });
    if (!kept.ok) throw new Error(kept.error);
    const g2 = (await filedWith("u2")).get("G2")!;
    expect(await moveCase(handle.db, reviewer, g2.id, { move: "close", closingReason: "withdrawn", reason: "the family asked" })).toMatchObject({ ok: true });
    expect(await undoImport(handle.db, reviewer, kept.value.importId, { reason: "wrong file" })).toMatchObject({
      ok: false,
      error: "importChangedSince",
      params: { count: "1", references: g2.reference },
    });
    expect([...(await filedWith("u2")).values()].every((c) => c.deletedAt === null)).toBe(true);
  });
});
