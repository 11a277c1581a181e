import { csvLine } from "@/lib/csv";
import type { Translate } from "@/lib/i18n/translator";
import type { RowProblem } from "./rows";
import type { Sheet } from "./table";

/**
 * The rows an import left out, as a CSV to fix and import again: the file's own header and cells,
 * then the row's number and its problems in the reader's language, one per line in one cell.
 */
export function errorFile(sheet: Sheet, problems: RowProblem[], t: Translate): string {
  const byRow = new Map<number, RowProblem[]>();
  // A victims sheet's problems are the allegation's, through "its victims have problems" on its row.
  for (const p of problems) if (!p.sheet) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
  const width = Math.max(sheet.headers.length, ...sheet.rows.map((r) => r.cells.length));
  const pad = (cells: string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? "");
  const lines = [csvLine([...pad(sheet.headers), t("import.errorFile.row"), t("import.errorFile.problems")])];
  for (const row of sheet.rows) {
    const found = byRow.get(row.number);
    if (!found) continue;
    const messages = found.map((p) => `${p.column ?? p.field}: ${t(`errors.${p.message}`, p.params)}`);
    lines.push(csvLine([...pad(row.cells), row.number, messages.join("\n")]));
  }
  // A BOM, so a spreadsheet opens Arabic text as UTF-8.
  return `\uFEFF${lines.join("")}`;
}
