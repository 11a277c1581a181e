/**
 * One CSV field. Quoted when it holds a comma, quote or line break; text a spreadsheet would run as
 * a formula (starting with = + - @ or a tab or carriage return) gets a leading apostrophe, so an
 * event's recorded text can never execute in the analyst's spreadsheet.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let text = typeof value === "string" ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (CRLF, as RFC 4180 has it). */
export const csvLine = (values: readonly unknown[]) => `${values.map(csvField).join(",")}\r\n`;
