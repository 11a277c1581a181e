import { randomUUID } from "node:crypto";
import type { Tx } from "@/db/client";
import { insertRows } from "@/db/insert-rows";
import { victims } from "@/db/schema";
import type { Principal } from "@/lib/auth/actor";
import { diff, INSERT_CHUNK, recordAudits } from "@/lib/audit/record";
import { actorId } from "@/lib/cases/commands";
import { refreshSearchText } from "@/lib/cases/search-index";
import type { VictimRow } from "./victim-rows";

/**
 * The victims of the allegations the import filed, from its victims sheet: stored as the victim
 * form would store them, each case found by its victims' names, and a `victim.added` event each with
 * the file, sheet and row as its reason. Only new allegations get victims: a re-imported one keeps
 * the victims it has here.
 */
export async function fileImportedVictims(
  tx: Tx,
  by: Principal,
  fileName: string,
  sheetName: string,
  filed: { caseId: string; victims: VictimRow[] }[],
): Promise<void> {
  const userId = actorId(by);
  const rows = filed.flatMap(({ caseId, victims: of }) => of.map((v) => ({ ...v.input, id: randomUUID(), caseId, createdBy: userId, rowNumber: v.row.number })));
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const chunk = rows.slice(start, start + INSERT_CHUNK);
    await insertRows(tx, victims, chunk.map(({ rowNumber: _, ...row }) => row));
    await recordAudits(
      tx,
      chunk.map(({ id, caseId, createdBy: _, rowNumber, ...input }) => ({
        actor: by,
        action: "victim.added",
        entityType: "victim",
        entityId: id,
        caseId,
        changes: diff({}, input),
        reason: `imported from ${fileName}, sheet ${sheetName}, row ${rowNumber}`,
      })),
    );
  }
  for (const { caseId } of filed) await refreshSearchText(tx, caseId);
}
