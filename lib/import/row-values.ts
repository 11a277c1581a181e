import { compact } from "./name-matching";

/** Reading one cell's text as the filing form would take it typed. */

const EASTERN_DIGITS = /[٠-٩۰-۹]/g;

/** Arabic-Indic and Persian digits as 0-9, the Arabic decimal separator as a point. */
export function westernDigits(value: string): string {
  return value.replace(EASTERN_DIGITS, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90 % 10)).replace(/٫/g, ".");
}

export type DateOrder = "dmy" | "mdy";

/**
 * A date as YYYY-MM-DD: ISO (a time after it is dropped) or day/month/year (month/day/year when the
 * file says so), with / . or - between. Anything else is passed on as written, so the filing
 * form's own rule refuses it with its own message.
 */
export function importDate(value: string, order: DateOrder = "dmy"): string {
  const v = westernDigits(value.trim());
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$/.exec(v);
  if (iso) return `${iso[1]}-${iso[2].padStart(2, "0")}-${iso[3].padStart(2, "0")}`;
  const local = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
  if (local) {
    const [day, month] = order === "dmy" ? [local[1], local[2]] : [local[2], local[1]];
    return `${local[3]}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  }
  return v;
}

/** "5", "5-7", "5–7", "5 to 7", "٥-٧": the range's two ends as text (one figure is both ends). */
export function importRange(value: string): { min: string; max: string } {
  const v = westernDigits(value.trim());
  const range = /^(\d+)\s*(?:-|–|—|to|إلى|الى)\s*(\d+)$/i.exec(v);
  if (range) return { min: range[1], max: range[2] };
  return { min: v, max: v };
}

/** A list in one cell: "Airstrike; Drone", "غارة جوية، مدفعية". */
export function importList(value: string): string[] {
  return value
    .split(/[,;|/،؛\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const YES = new Set(["yes", "y", "true", "1", "x", "نعم", "سري"].map(compact));

/** A flag cell (confidential): yes as a file writes it, in English or Arabic; anything else is no. */
export const importFlag = (value: string) => YES.has(compact(value));
