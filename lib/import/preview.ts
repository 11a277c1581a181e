import type { Db } from "@/db/client";
import { authorize, type Principal } from "@/lib/auth/actor";
import type { CaseInput } from "@/lib/cases/schemas";
import type { BelligerentAnswer, Grading, Stage } from "@/lib/cases/vocabulary";
import { expectedFailure, ok, type Result } from "@/lib/result";
import type { ColumnMapping } from "./fields";
import { readImport, type ReadImport, type ReadRequest } from "./read-import";
import { handFiledLookalikes, type Lookalike } from "./lookalikes";
import { planReimport } from "./reimport";
import { byPlace, type ReadingRules, type RowProblem } from "./rows";
import { examplesOf, readTable } from "./table";
import { listTemplates, templateFor } from "./templates";
import type { VictimMapping } from "./victim-rows";

/** How many rows the preview shows as they would be filed, and how many problems it lists. */
export const PREVIEW_ROWS = 10;
export const PREVIEW_PROBLEMS = 1000;
export const PREVIEW_LOOKALIKES = 200;

export type ImportPreview = {
  sheets: string[];
  sheet: string;
  headers: string[];
  /** Each column's first value that is not empty, among the first rows: what the person maps. */
  examples: string[];
  mapping: ColumnMapping;
  rules: ReadingRules;
  /** The saved template whose mapping was used, when the file has its shape and no mapping was given. */
  template: { id: string; name: string } | null;
  rows: number;
  /** Rows that pass the filing form's rules. */
  validRows: number;
  /** Rows left out: their problems, or (re-imported) a case changed here since, or an update it cannot take. */
  invalidRows: number;
  /** Rows a commit would file as new allegations. */
  toFile: number;
  /** Rows an earlier import filed whose values changed: a commit updates their cases in place. */
  toUpdate: number;
  /** Rows an earlier import filed, unchanged: a commit leaves them. */
  unchanged: number;
  /** Rows the person chose to leave out. */
  setAside: number[];
  /** Rows to file that look like allegations filed by hand (the filing form's duplicate rule), the first 200. */
  lookalikes: Lookalike[];
  lookalikeCount: number;
  /** Rows to file as duplicates of allegations already here, as chosen (`duplicates`): row → the original's id. */
  duplicates: Record<number, string>;
  /** Each as it would be filed, and the stage (with grading and answer) its row takes it to. */
  firstRows: { row: number; input: CaseInput; stage: Stage; grading: Grading | null; answer: BelligerentAnswer | null }[];
  problems: RowProblem[];
  problemCount: number;
  /** Victims and sources the allegations' own rows name, that a commit would file with the new allegations. */
  inRows: { victims: number; sources: number };
  /** The victims sheet as read: its columns and mapping, and how many victims a commit would file with the new allegations. */
  victims: { sheet: string; file: boolean; label: string; headers: string[]; examples: string[]; mapping: VictimMapping; toFile: number } | null;
  /** The import's victims file, when one was uploaded: its name and sheets, to choose from. */
  victimsFile: { name: string; sheets: string[] } | null;
};

/**
 * The file read as `request` says; without a mapping, with the saved template's for a file of its
 * shape (named in `template`), or else one guessed from the headers.
 */
export async function readWithTemplates(
  db: Db,
  by: Principal | null,
  request: ReadRequest,
): Promise<Result<ReadImport & { template: { id: string; name: string } | null }>> {
  const templates = await listTemplates(db, by);
  let template: { id: string; name: string } | null = null;
  const read = await readImport(request, (headers) => {
    const found = templateFor(templates, headers);
    if (found) template = { id: found.id, name: found.name };
    return found;
  });
  return read.ok ? ok({ ...read.value, template }) : read;
}

/**
 * What a commit would do, writing nothing: the file's sheets and columns, the mapping (when none is
 * given, the saved template's for a file of this shape, or else guessed from the headers), the first rows as they would be filed, and the problems.
 */
export async function previewImport(
  db: Db,
  by: Principal | null,
  request: ReadRequest,
): Promise<Result<ImportPreview>> {
  try {
    authorize(by, "case:import");
    const read = await readWithTemplates(db, by, request);
    if (!read.ok) return read;
    const { table, sheet, mapping, rules, outcomes, valid, template } = read.value;
    const plan = await planReimport(db, read.value);
    const problems = [...read.value.problems, ...plan.problems].sort(byPlace);
    // A row whose chosen original was refused is shown with its look-alikes again, to choose anew.
    const refused = new Set(plan.problems.filter((p) => p.field === "duplicates").map((p) => p.row));
    const toFile = new Set(plan.fresh);
    const lookalikes = await handFiledLookalikes(db, refused.size ? valid.filter((v) => refused.has(v.row.number) || toFile.has(v)) : plan.fresh);
    return ok({
      sheets: table.sheets.map((s) => s.name),
      sheet: sheet.name,
      headers: sheet.headers,
      examples: examplesOf(sheet),
      mapping,
      rules,
      template,
      rows: outcomes.length + read.value.setAside.length,
      validRows: valid.length,
      invalidRows: outcomes.length - valid.length + plan.problems.length,
      toFile: plan.fresh.length,
      toUpdate: plan.updates.length,
      unchanged: plan.unchanged.length,
      setAside: read.value.setAside,
      lookalikes: lookalikes.slice(0, PREVIEW_LOOKALIKES),
      lookalikeCount: lookalikes.length,
      duplicates: Object.fromEntries(plan.fresh.flatMap((r) => (read.value.duplicates.has(r.row.number) ? [[r.row.number, read.value.duplicates.get(r.row.number)!]] : []))),
      firstRows: valid.slice(0, PREVIEW_ROWS).map((v) => ({
        row: v.row.number,
        input: v.input,
        stage: v.lifecycle?.stage ?? "submission",
        grading: v.lifecycle?.assessment?.grading ?? null,
        answer: v.lifecycle?.answer?.answer ?? null,
      })),
      problems: problems.slice(0, PREVIEW_PROBLEMS),
      problemCount: problems.length,
      inRows: {
        victims: plan.fresh.reduce((n, r) => n + r.victims.length, 0),
        sources: plan.fresh.reduce((n, r) => n + r.sources.length, 0),
      },
      victimsFile: await victimsFileOf(request),
      victims: read.value.victims && {
        sheet: read.value.victims.sheet.name,
        file: read.value.victims.fileName !== null,
        label: read.value.victims.label,
        headers: read.value.victims.sheet.headers,
        examples: examplesOf(read.value.victims.sheet),
        mapping: read.value.victims.mapping,
        toFile: plan.fresh.reduce((n, r) => n + ((r.key && read.value.victims!.byKey.get(r.key)?.length) || 0), 0),
      },
    });
  } catch (err) {
    return expectedFailure(err);
  }
}


async function victimsFileOf(request: ReadRequest): Promise<ImportPreview["victimsFile"]> {
  if (!request.victimsFile) return null;
  const table = await readTable(request.victimsFile.bytes);
  return { name: request.victimsFile.name, sheets: table.ok ? table.value.sheets.map((s) => s.name) : [] };
}
