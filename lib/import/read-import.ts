import { fail, ok, type Result } from "@/lib/result";
import type { CaseInput } from "@/lib/cases/schemas";
import type { ImportedLifecycle } from "./lifecycle-columns";
import { guessMapping, type ColumnMapping } from "./fields";
import { defaultReadingRules, readCaseRow, type ReadingRules, type RowOutcome, type RowProblem } from "./rows";
import { readTable, type ImportTable, type Row, type Sheet } from "./table";

export type ReadImport = {
  table: ImportTable;
  sheet: Sheet;
  mapping: ColumnMapping;
  rules: ReadingRules;
  outcomes: { row: Row; outcome: RowOutcome }[];
  problems: RowProblem[];
  valid: { row: Row; input: CaseInput; key: string | null; lifecycle: ImportedLifecycle | null }[];
  /** Rows the person chose to leave out (`skip`): neither filed nor listed as problems. */
  setAside: number[];
};

export type ReadRequest = { bytes: Uint8Array; sheet?: string; mapping?: ColumnMapping; rules?: ReadingRules; skip?: number[] };

/**
 * A file read and every row checked, as both the preview and the commit see it. Without a mapping,
 * `saved` may offer one for the sheet's headers (a template); otherwise it is guessed from them.
 */
export async function readImport(
  request: ReadRequest,
  saved: (headers: string[]) => { mapping: ColumnMapping; rules: ReadingRules } | null = () => null,
): Promise<Result<ReadImport>> {
  const table = await readTable(request.bytes);
  if (!table.ok) return table;
  const sheet = request.sheet === undefined ? table.value.sheets[0] : table.value.sheets.find((s) => s.name === request.sheet);
  if (!sheet) return fail("invalidInput", { sheet: ["invalid"] });
  const template = request.mapping ? null : saved(sheet.headers);
  const mapping = request.mapping ?? template?.mapping ?? guessMapping(sheet.headers);
  if (Object.keys(mapping).some((column) => Number(column) >= sheet.headers.length)) return fail("invalidInput", { mapping: ["invalid"] });
  const rules = request.rules ?? template?.rules ?? defaultReadingRules;
  const skip = new Set(request.skip ?? []);
  const setAside = sheet.rows.filter((row) => skip.has(row.number)).map((row) => row.number);
  const outcomes = sheet.rows.filter((row) => !skip.has(row.number)).map((row) => ({ row, outcome: readCaseRow(row, sheet.headers, mapping, rules) }));
  const problems = outcomes.flatMap(({ outcome }) => (outcome.ok ? [] : outcome.problems));
  const valid = outcomes.flatMap(({ row, outcome }) => (outcome.ok ? [{ row, input: outcome.input, key: outcome.externalCode, lifecycle: outcome.lifecycle }] : []));
  return ok({ table: table.value, sheet, mapping, rules, outcomes, problems, valid, setAside });
}
