import type { z } from "zod";
import { fieldErrorsOf } from "@/lib/result";
import { vocabularyLists, type VocabularyList } from "./lists";
import { importList } from "./row-values";
import type { ReadingRules, RowProblem } from "./rows";
import type { Row } from "./table";
import { matchVocabulary } from "./vocabulary-match";

export type RowReader<F extends string> = {
  /** The cell of the column mapped to `field`, trimmed ("" when none is). */
  cell(field: F): string;
  problem(field: F, message: string, params?: Record<string, string>): void;
  /** The cell's values as codes of a closed list (one, or several in one cell); each one outside it a problem, with the closest code suggested. */
  codes(field: F, list: VocabularyList, many?: boolean): string[];
  /** One written value as a code of a closed list; outside it, a problem on `field` (the closest code suggested) and undefined. */
  code(field: F, list: VocabularyList, value: string): string | undefined;
  /**
   * A form schema's refusal, each error on the column its form field came from (`fieldOf`), skipping
   * fields that already have a problem (an unknown value is not reported again as missing) and those
   * `skip` names.
   */
  report(error: z.ZodError, fieldOf: (formField: string) => F, skip?: (formField: string) => boolean): void;
  /** Every problem of the row so far. */
  readonly problems: RowProblem[];
};

/**
 * Reading one row of a sheet by its column mapping, every problem on the row and the column a person
 * would correct (and the sheet, for one that is not the allegations'). The allegation, victim and
 * belligerent-table readers all read their rows through it.
 */
export function rowReader<F extends string>(
  row: Row,
  headers: string[],
  mapping: Record<number, F>,
  values: ReadingRules["values"] = {},
  sheet?: string,
): RowReader<F> {
  const columnOf = new Map<F, number>();
  for (const [column, field] of Object.entries(mapping) as [string, F][]) columnOf.set(field, Number(column));
  const problems: RowProblem[] = [];
  const cell = (field: F) => {
    const column = columnOf.get(field);
    return column === undefined ? "" : (row.cells[column] ?? "").trim();
  };
  const problem = (field: F, message: string, params?: Record<string, string>) => {
    const column = columnOf.get(field);
    problems.push({
      ...(sheet ? { sheet } : {}),
      row: row.number,
      column: column === undefined ? null : headers[column] || `#${column + 1}`,
      field,
      message,
      ...(params ? { params } : {}),
    });
  };
  const code = (field: F, list: VocabularyList, value: string) => {
    const match = matchVocabulary(list, vocabularyLists[list], value, values[list]);
    if (match.ok) return match.code;
    problem(field, match.suggestion ? "unknownValueSuggest" : "unknownValue", { value, ...(match.suggestion ? { suggestion: match.suggestion } : {}) });
    return undefined;
  };
  return {
    cell,
    problem,
    problems,
    code,
    codes(field, list, many = false) {
      const written = many ? importList(cell(field)) : [cell(field)].filter(Boolean);
      return written.flatMap((value) => code(field, list, value) ?? []);
    },
    report(error, fieldOf, skip = () => false) {
      const reported = new Set(problems.map((p) => p.field));
      for (const [formField, messages] of Object.entries(fieldErrorsOf(error))) {
        const field = fieldOf(formField);
        if (reported.has(field) || skip(formField)) continue;
        for (const message of messages) problem(field, message);
      }
    },
  };
}
