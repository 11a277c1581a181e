import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { importRecords } from "@/db/schema";
import type { Principal } from "@/lib/auth/actor";
import { lockCase } from "@/lib/cases/access";
import { addAssessment, answerSending } from "@/lib/cases/review-commands";
import { addSending, applyMove, latestSending, linkDuplicate, personOf } from "@/lib/cases/stage-commands";
import { fail, refuse, type Result } from "@/lib/result";
import type { ImportedLifecycle } from "./lifecycle-columns";

/** A row filed by the import whose file says how far the other monitor already took it. */
export type FiledLifecycle = { caseId: string; rowNumber: number; lifecycle: ImportedLifecycle };

/**
 * Takes each filed allegation to the stage its row gives by the moves a person would make (submit,
 * assess, send, answer, pursue redress, close), through the very commands the forms use, each
 * event in the trail with the file and row as its reason. Then the import's records hold the
 * versions it left.
 */
export async function applyImportedLifecycles(tx: Tx, by: Principal, importId: string, fileName: string, filed: FiledLifecycle[]): Promise<void> {
  if (!filed.length) return;
  const person = personOf(by);
  for (const { caseId, rowNumber, lifecycle } of filed) {
    const reason = `imported from ${fileName}, row ${rowNumber}`;
    const current = async () => (await lockCase(tx, caseId)) ?? refuse(fail("notFound"));
    await step(applyMove(tx, person, await current(), { move: "submit" }, { reason }));
    if (lifecycle.assessment) {
      const reasoning = `Graded “${lifecycle.assessment.grading}” in ${fileName}, row ${rowNumber}.`;
      await step(addAssessment(tx, person, await current(), { ...lifecycle.assessment, reasoning }, reason));
    }
    if (lifecycle.sending) await step(addSending(tx, person, await current(), lifecycle.sending, { ids: [], names: [] }, reason));
    if (lifecycle.answer) {
      const c = await current();
      const sending = (await latestSending(tx, c.id)) ?? refuse(fail("notFound"));
      await step(answerSending(tx, person, c, sending, lifecycle.answer, reason));
    }
    if (lifecycle.stage === "redress") await step(applyMove(tx, person, await current(), { move: "pursue_redress" }, { reason }));
    if (lifecycle.stage === "closed") await step(applyMove(tx, person, await current(), { move: "close", reason: lifecycle.closingReason! }, { reason }));
  }
  await noteVersionsLeft(tx, importId, filed.map((f) => f.caseId));
}

/**
 * Closes the new allegations of the rows a person recognised as repeating one already here (a
 * look-alike) as its duplicates, by the same link the case page makes, the file and row as its
 * reason. The re-import plan already left out rows whose original cannot be one; should that change
 * meanwhile (another person's link), the refusal here rolls the whole import back.
 */
export async function linkImportedDuplicates(
  tx: Tx,
  by: Principal,
  importId: string,
  fileName: string,
  caseOfRow: Map<number, string>,
  originals: Map<number, string>,
): Promise<number> {
  const person = personOf(by);
  for (const [rowNumber, caseId] of caseOfRow) {
    const original = (await lockCase(tx, originals.get(rowNumber)!)) ?? refuse(fail("invalidInput", { duplicates: ["noSuchCase"] }, { row: String(rowNumber) }));
    const reason = `imported from ${fileName}, row ${rowNumber}`;
    const current = async () => (await lockCase(tx, caseId)) ?? refuse(fail("notFound"));
    // A duplicate is closed as a person would close it: submitted first when it is still a submission.
    if ((await current()).stage === "submission") await step(applyMove(tx, person, await current(), { move: "submit" }, { reason }));
    await step(linkDuplicate(tx, person, await current(), original, reason));
  }
  await noteVersionsLeft(tx, importId, [...caseOfRow.values()]);
  return caseOfRow.size;
}

/** The versions the import left its cases at, so an undo or a re-import can tell a later change from its own moves. */
async function noteVersionsLeft(tx: Tx, importId: string, caseIds: string[]): Promise<void> {
  if (!caseIds.length) return;
  await tx.execute(sql`
    update ${importRecords} set case_version = c.version
    from cases c
    where ${importRecords.importId} = ${importId} and c.id = ${importRecords.caseId}
      and ${importRecords.caseId} in (select (jsonb_array_elements_text(${JSON.stringify(caseIds)}::jsonb))::uuid)`);
}

async function step<T>(result: Promise<Result<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) refuse(r);
  return r.value;
}
