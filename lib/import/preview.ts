import type { Db } from "@/db/client";
import { authorize, type Principal } from "@/lib/auth/actor";
import type { CaseInput } from "@/lib/cases/schemas";
import { expectedFailure, ok, type Result } from "@/lib/result";
import type { ColumnMapping } from "./fields";
import { importedKeys, readImport } from "./read-import";
import type { ReadingRules, RowProblem } from "./rows";

/** How many rows the preview shows as they would be filed, and how many problems it lists. */
export const PREVIEW_ROWS = 10;
export const PREVIEW_PROBLEMS = 1000;

export type ImportPreview = {
  sheets: string[];
  sheet: string;
  headers: string[];
  mapping: ColumnMapping;
  rows: number;
  validRows: number;
  invalidRows: number;
  /** Valid rows an earlier import already filed: a commit skips them. */
  alreadyImported: number;
  firstRows: { row: number; input: CaseInput }[];
  problems: RowProblem[];
  problemCount: number;
};

/**
 * What a commit would do, writing nothing: the file's sheets and columns, the mapping (guessed from
 * the headers when none is given), the first rows as they would be filed, and the problems.
 */
export async function previewImport(
  db: Db,
  by: Principal | null,
  request: { bytes: Uint8Array; sheet?: string; mapping?: ColumnMapping; rules?: ReadingRules },
): Promise<Result<ImportPreview>> {
  try {
    authorize(by, "case:import");
    const read = await readImport(request);
    if (!read.ok) return read;
    const { table, sheet, mapping, outcomes, problems, valid } = read.value;
    const known = await importedKeys(db, valid);
    return ok({
      sheets: table.sheets.map((s) => s.name),
      sheet: sheet.name,
      headers: sheet.headers,
      mapping,
      rows: outcomes.length,
      validRows: valid.length,
      invalidRows: outcomes.length - valid.length,
      alreadyImported: valid.filter((v) => v.key && known.has(v.key)).length,
      firstRows: valid.slice(0, PREVIEW_ROWS).map((v) => ({ row: v.row.number, input: v.input })),
      problems: problems.slice(0, PREVIEW_PROBLEMS),
      problemCount: problems.length,
    });
  } catch (err) {
    return expectedFailure(err);
  }
}
