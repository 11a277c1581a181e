import ExcelJS from "exceljs";
import Papa from "papaparse";
import { fail, ok, type Result } from "@/lib/result";

/** A row as the file numbers it (the spreadsheet's row number, or the CSV record's, header = 1). */
export type Row = { number: number; cells: string[] };
/** A sheet of an import file as text: its header row and the rows under it, cell by cell. */
export type Sheet = { name: string; headers: string[]; rows: Row[] };
export type ImportTable = { format: "csv" | "xlsx"; sheets: Sheet[] };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Reads a CSV (UTF-8 or UTF-16, any delimiter) or an Excel workbook into sheets of text. The
 * format is told by the bytes, not the name. Refusals are message keys under "errors.".
 */
export async function readTable(bytes: Uint8Array): Promise<Result<ImportTable>> {
  if (bytes.length === 0) return fail("importEmpty");
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return readWorkbook(bytes);
  const text = decodeText(bytes);
  if (text === null) return fail("importNotText");
  return readCsv(text);
}

/** UTF-8 (with or without its BOM) or UTF-16 of either byte order, told by its BOM or its zero bytes. */
export function decodeText(bytes: Uint8Array): string | null {
  const utf16 = utf16Order(bytes);
  try {
    const text = new TextDecoder(utf16 ?? "utf-8", { fatal: true }).decode(bytes);
    // The decoder drops a UTF-8 BOM, not a UTF-16 one.
    return text.replace(/^\uFEFF/, "");
  } catch {
    return null;
  }
}

function utf16Order(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  // Without a BOM: text in Latin or Arabic script has a zero in every other byte of its first characters.
  const sample = bytes.subarray(0, Math.min(bytes.length - (bytes.length % 2), 512));
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  if (pairs >= 2 && oddZeros > pairs * 0.3 && evenZeros === 0) return "utf-16le";
  if (pairs >= 2 && evenZeros > pairs * 0.3 && oddZeros === 0) return "utf-16be";
  return null;
}

function readCsv(text: string): Result<ImportTable> {
  // Papa Parse guesses the delimiter (comma, semicolon, tab, pipe…) from the first rows.
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: "greedy", delimitersToGuess: [",", ";", "\t", "|"] });
  const fatal = parsed.errors.find((e) => e.type === "Quotes");
  if (fatal) return fail("importBadCsv", undefined, { row: String((fatal.row ?? 0) + 1) });
  const sheet = toSheet("CSV", parsed.data.map((cells, i) => ({ number: i + 1, cells })));
  return sheet ? ok({ format: "csv", sheets: [sheet] }) : fail("importEmpty");
}

async function readWorkbook(bytes: Uint8Array): Promise<Result<ImportTable>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return fail("importBadWorkbook");
  }
  const sheets: Sheet[] = [];
  workbook.eachSheet((worksheet) => {
    const rows: Row[] = [];
    worksheet.eachRow((row) => {
      const cells: string[] = [];
      // ExcelJS numbers columns from 1.
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
      rows.push({ number: row.number, cells });
    });
    const sheet = toSheet(worksheet.name, rows);
    if (sheet) sheets.push(sheet);
  });
  return sheets.length ? ok({ format: "xlsx", sheets }) : fail("importEmpty");
}

/** A cell as the text a person sees in it: a date as YYYY-MM-DD, a formula by its result, rich text flattened. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, value.getUTCHours() || value.getUTCMinutes() ? 16 : 10).replace("T", " ");
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ("error" in value) return "";
    return "";
  }
  return String(value);
}

/** The first non-empty row is the header; trailing empty header cells and empty rows are dropped. */
function toSheet(name: string, raw: Row[]): Sheet | null {
  const rows = raw.map((r) => ({ number: r.number, cells: r.cells.map((c) => (c ?? "").trim()) }));
  const start = rows.findIndex((r) => r.cells.some(Boolean));
  if (start < 0) return null;
  const headers = rows[start].cells;
  while (headers.length && !headers[headers.length - 1]) headers.pop();
  const body = rows
    .slice(start + 1)
    .filter((r) => r.cells.some(Boolean))
    .map((r) => ({ number: r.number, cells: Array.from({ length: Math.max(headers.length, r.cells.length) }, (_, i) => r.cells[i] ?? "") }));
  return { name, headers, rows: body };
}

/** Each column's first value that is not empty, among the first rows: what a person maps. */
export const examplesOf = (sheet: Sheet) => sheet.headers.map((_, column) => sheet.rows.slice(0, 50).find((r) => r.cells[column]?.trim())?.cells[column].trim() ?? "");
