import { fail, ok, type Result } from "@/lib/result";
import type { CaseInput, SourceInput, VictimInput } from "@/lib/cases/schemas";
import type { ImportedLifecycle } from "./lifecycle-columns";
import { guessMapping, type ColumnMapping } from "./fields";
import { defaultReadingRules, readCaseRow, type ReadingRules, type RowOutcome, type RowProblem } from "./rows";
import { readTable, type ImportTable, type Row, type Sheet } from "./table";
import { rowReader } from "./row-reader";
import { guessVictimMapping, readVictimRows, type VictimMapping, type VictimRow } from "./victim-rows";

export type ReadImport = {
  table: ImportTable;
  sheet: Sheet;
  mapping: ColumnMapping;
  rules: ReadingRules;
  outcomes: { row: Row; outcome: RowOutcome }[];
  problems: RowProblem[];
  valid: { row: Row; input: CaseInput; key: string | null; lifecycle: ImportedLifecycle | null; victims: VictimInput[]; sources: SourceInput[] }[];
  /** Rows the person chose to leave out (`skip`): neither filed nor listed as problems. */
  setAside: number[];
  /** Rows the person chose to file as duplicates of allegations already here (`duplicates`): row → the original's id. */
  duplicates: Map<number, string>;
  /**
   * The victims sheet as read, its victims by the key of the allegation they belong to (valid rows
   * only); `fileName` when it is a sheet of the victims file, `label`, how problems name it, and
   * `provenance`, how the trail names it (null: a sheet of the first file).
   */
  victims: { sheet: Sheet; mapping: VictimMapping; byKey: Map<string, VictimRow[]>; count: number; fileName: string | null; label: string; provenance: string | null } | null;
};

export type ReadRequest = {
  bytes: Uint8Array;
  sheet?: string;
  mapping?: ColumnMapping;
  rules?: ReadingRules;
  skip?: number[];
  duplicates?: Record<number, string>;
  /** The import's victims file, when it has one (read when `rules.victims.file`). */
  victimsFile?: { name: string; bytes: Uint8Array } | null;
  /** Told how many rows are checked so far, of how many (a preview run as a job shows it). */
  progress?: (done: number, total: number) => void;
};

/** Rows checked between two reports of progress (the event loop gets a turn, so a report can be written). */
const PROGRESS_EVERY = 2_000;

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
  const kept = sheet.rows.filter((row) => !skip.has(row.number));
  const outcomes: ReadImport["outcomes"] = [];
  for (const row of kept) {
    outcomes.push({ row, outcome: readCaseRow(row, sheet.headers, mapping, rules) });
    if (request.progress && outcomes.length % PROGRESS_EVERY === 0) {
      request.progress(outcomes.length, kept.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  request.progress?.(outcomes.length, kept.length);
  const problems: RowProblem[] = outcomes.flatMap(({ outcome }) => (outcome.ok ? [] : outcome.problems));
  let valid = outcomes.flatMap(({ row, outcome }) =>
    outcome.ok ? [{ row, input: outcome.input, key: outcome.externalCode, lifecycle: outcome.lifecycle, victims: outcome.victims, sources: outcome.sources }] : [],
  );
  let victims: ReadImport["victims"] = null;
  if (rules.victims) {
    const source = await victimsSource(table.value, sheet, rules.victims, request.victimsFile);
    if (!source.ok) return source;
    const joined = joinVictims(source.value, sheet, mapping, rules, valid);
    if (!joined.ok) return joined;
    victims = joined.value.victims;
    problems.push(...joined.value.problems);
    valid = valid.filter((v) => !joined.value.leftOut.has(v.row.number));
  }
  const duplicates = new Map(Object.entries(request.duplicates ?? {}).flatMap(([row, id]) => (skip.has(Number(row)) ? [] : [[Number(row), id] as const])));
  return ok({ table: table.value, sheet, mapping, rules, outcomes, problems, valid, setAside, duplicates, victims });
}

/**
 * The victims sheet read and joined to the allegations on their key (the main sheet's code column).
 * An allegation whose victims have a problem is left out with them, so it is never filed without
 * some of its victims; a victim whose key names no row of the file is a problem of its own.
 */
function joinVictims(source: VictimsSource, sheet: Sheet, mapping: ColumnMapping, rules: ReadingRules, valid: ReadImport["valid"]) {
  const reading = rules.victims!;
  const victimSheet = source.sheet;
  const victimMapping = reading.mapping ?? guessVictimMapping(victimSheet.headers);
  if (Object.keys(victimMapping).some((column) => Number(column) >= victimSheet.headers.length)) return fail("invalidInput", { victimsMapping: ["invalid"] });
  const read = readVictimRows({ ...victimSheet, name: source.label }, victimMapping, rules);
  const keyColumn = Object.entries(mapping).find(([, field]) => field === "externalCode")?.[0];
  const rowOfKey = new Map<string, number>();
  for (const row of sheet.rows) {
    const key = keyColumn === undefined ? "" : (row.cells[Number(keyColumn)] ?? "").trim();
    if (key && !rowOfKey.has(key)) rowOfKey.set(key, row.number);
  }
  const problems: RowProblem[] = [...read.problems];
  const badRows = new Map<number, number[]>();
  const victimKeyColumn = Number(Object.entries(victimMapping).find(([, f]) => f === "victimKey")?.[0] ?? -1);
  const victimRow = new Map(victimSheet.rows.map((r) => [r.number, r]));
  for (const p of read.problems) {
    const key = (victimRow.get(p.row)?.cells[victimKeyColumn] ?? "").trim();
    const allegation = rowOfKey.get(key);
    if (allegation !== undefined) badRows.set(allegation, [...new Set([...(badRows.get(allegation) ?? []), p.row])]);
  }
  const validKeys = new Set(valid.flatMap((v) => (v.key ? [v.key] : [])));
  const byKey = new Map<string, VictimRow[]>();
  let count = 0;
  for (const victim of read.victims) {
    if (!rowOfKey.has(victim.key)) {
      const r = rowReader(victim.row, victimSheet.headers, victimMapping, {}, source.label);
      r.problem("victimKey", "victimNoAllegation", { value: victim.key });
      problems.push(...r.problems);
      continue;
    }
    if (!validKeys.has(victim.key) || badRows.has(rowOfKey.get(victim.key)!)) continue;
    byKey.set(victim.key, [...(byKey.get(victim.key) ?? []), victim]);
    count++;
  }
  for (const [row, victimRows] of badRows) {
    problems.push({ row, column: null, field: "victims", message: "victimsHaveProblems", params: { sheet: source.label, rows: victimRows.join(", ") } });
  }
  return ok({
    victims: { sheet: victimSheet, mapping: victimMapping, byKey, count, fileName: source.fileName, label: source.label, provenance: source.provenance },
    problems,
    leftOut: new Set(badRows.keys()),
  });
}

type VictimsSource = { sheet: Sheet; fileName: string | null; label: string; provenance: string | null };

/**
 * The sheet the victims are on: another sheet of the workbook, or a sheet of the import's victims
 * file, named by the file (with the sheet, when the file has several) in problems and the trail.
 */
async function victimsSource(
  table: ImportTable,
  sheet: Sheet,
  reading: NonNullable<ReadingRules["victims"]>,
  file: ReadRequest["victimsFile"],
): Promise<Result<VictimsSource>> {
  if (!reading.file) {
    const found = table.sheets.find((s) => s.name === reading.sheet && s !== sheet);
    return found ? ok({ sheet: found, fileName: null, label: found.name, provenance: null }) : fail("invalidInput", { victimsSheet: ["invalid"] });
  }
  if (!file) return fail("invalidInput", { victimsFile: ["required"] });
  const other = await readTable(file.bytes);
  if (!other.ok) return other;
  const found = other.value.sheets.find((s) => s.name === reading.sheet);
  if (!found) return fail("invalidInput", { victimsSheet: ["invalid"] });
  const single = other.value.sheets.length === 1;
  return ok({
    sheet: found,
    fileName: file.name,
    label: single ? file.name : `${file.name} · ${found.name}`,
    provenance: single ? file.name : `${file.name}, sheet ${found.name}`,
  });
}
