import { randomUUID } from "node:crypto";
import type { Tx } from "@/db/client";
import { insertRows } from "@/db/insert-rows";
import { sources, victims } from "@/db/schema";
import type { Principal } from "@/lib/auth/actor";
import { diff, INSERT_CHUNK, recordAudits } from "@/lib/audit/record";
import { actorId } from "@/lib/cases/commands";
import type { SourceInput, VictimInput } from "@/lib/cases/schemas";
import { refreshSearchText } from "@/lib/cases/search-index";

/** One victim or source of an imported allegation, with where in the file it came from (its audit reason). */
export type ImportedItem<T> = { input: T; reason: string };
export type FiledItems = { caseId: string; victims: ImportedItem<VictimInput>[]; sources: ImportedItem<SourceInput>[] };

/**
 * The victims and sources of the allegations the import filed: stored as the victim and source forms
 * would store them, with a `victim.added` / `source.added` event each naming the file and row, and
 * the search text of cases that gained victims refreshed (victims' names are searched). Only new
 * allegations get them: a re-imported one keeps those it has here.
 */
export async function fileImportedItems(tx: Tx, by: Principal, filed: FiledItems[]): Promise<{ victims: number; sources: number }> {
  const userId = actorId(by);
  const store = async <T extends object>(entity: "victim" | "source", table: typeof victims | typeof sources, items: { caseId: string; item: ImportedItem<T> }[]) => {
    const rows = items.map(({ caseId, item }) => ({ id: randomUUID(), caseId, input: item.input, reason: item.reason }));
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      const chunk = rows.slice(start, start + INSERT_CHUNK);
      await insertRows(tx, table, chunk.map(({ id, caseId, input }) => ({ ...input, id, caseId, createdBy: userId })));
      await recordAudits(
        tx,
        chunk.map(({ id, caseId, input, reason }) => ({ actor: by, action: `${entity}.added`, entityType: entity, entityId: id, caseId, changes: diff({}, input), reason })),
      );
    }
    return rows.length;
  };
  const victimCount = await store("victim", victims, filed.flatMap(({ caseId, victims: of }) => of.map((item) => ({ caseId, item }))));
  const sourceCount = await store("source", sources, filed.flatMap(({ caseId, sources: of }) => of.map((item) => ({ caseId, item }))));
  for (const { caseId, victims: of } of filed) if (of.length) await refreshSearchText(tx, caseId);
  return { victims: victimCount, sources: sourceCount };
}
