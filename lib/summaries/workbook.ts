import ExcelJS from "exceljs";
import { PassThrough, type Readable } from "node:stream";
import type { ExportCell } from "./export-rows";
import type { FigureTableData } from "./tables";

export type DataSheet = { name: string; columns: readonly string[]; rows: AsyncIterable<ExportCell[]> };
export type WorkbookContent = { about: string[][]; tables: FigureTableData[]; data: DataSheet[]; rtl: boolean };

const AMOUNT = "0.00";

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetNamer() {
  const used = new Set<string>();
  return (title: string) => {
    const base = title.replace(/[:\\/?*[\]]/g, " ").slice(0, 28).trim();
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} ${n}`;
    used.add(name.toLowerCase());
    return name;
  };
}

/**
 * The workbook, written by ExcelJS's streaming writer: rows are committed as they come, so a sheet
 * of any length passes through without being held. First a sheet saying what it is (filters, date,
 * methodology), then one sheet per figure table as the page shows them, then the records.
 */
export function workbookStream(content: WorkbookContent): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const views = [{ rightToLeft: content.rtl }];
  const name = sheetNamer();
  const write = async () => {
    const about = workbook.addWorksheet(name(content.about[0]?.[0] ?? "About"), { views });
    about.getColumn(1).width = 120;
    for (const row of content.about) about.addRow(row).commit();
    about.commit();
    for (const table of content.tables) {
      const sheet = workbook.addWorksheet(name(table.title), { views });
      sheet.addRow([table.title]).commit();
      const header = sheet.addRow(table.columns);
      header.font = { bold: true };
      header.commit();
      const amountColumn = table.id === "amounts" ? table.columns.length - 1 : -1;
      for (const cells of table.rows) {
        const row = sheet.addRow(cells.map((c, i) => (i === amountColumn && typeof c === "string" ? Number(c) : c)));
        if (amountColumn >= 0) row.getCell(amountColumn + 1).numFmt = AMOUNT;
        row.commit();
      }
      sheet.getColumn(1).width = 36;
      sheet.commit();
    }
    for (const data of content.data) {
      const sheet = workbook.addWorksheet(name(data.name), { views });
      const header = sheet.addRow([...data.columns]);
      header.font = { bold: true };
      header.commit();
      const amountColumn = data.columns.indexOf("amount");
      for await (const cells of data.rows) {
        const row = sheet.addRow(cells.map((c, i) => (i === amountColumn && typeof c === "string" ? Number(c) : c)));
        if (amountColumn >= 0) row.getCell(amountColumn + 1).numFmt = AMOUNT;
        row.commit();
      }
      sheet.commit();
    }
    await workbook.commit();
  };
  write().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}
