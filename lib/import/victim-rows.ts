import { victimInput, type VictimInput } from "@/lib/cases/schemas";
import { fieldErrorsOf } from "@/lib/result";
import { compact } from "./name-matching";
import { westernDigits } from "./row-values";
import type { Row, Sheet } from "./table";
import { listOfField, vocabularyLists, type ReadingRules } from "./rows";
import { matchVocabulary } from "./vocabulary-match";

/** What a column of a victims sheet can be mapped to: the victim form's fields, and the allegation's key it joins on. */
export const victimFields = [
  "victimKey",
  "victimNameAr",
  "victimNameLatin",
  "victimSex",
  "victimAge",
  "victimAgeGroup",
  "victimOutcome",
  "victimFamily",
  "victimVerification",
  "victimConfidential",
] as const;
export type VictimField = (typeof victimFields)[number];
export type VictimMapping = Record<number, VictimField>;

/** The victims sheet of a workbook, and how its columns are read; kept in the template with the reading rules. */
export type VictimsReading = { sheet: string; mapping?: VictimMapping };

const HEADERS: Record<VictimField, string[]> = {
  victimKey: ["code", "incident code", "incident id", "incident", "case code", "reference", "رمز الحادثة", "الرمز", "رقم الحادثة", "المعرف"],
  victimNameAr: ["name arabic", "arabic name", "name ar", "الاسم", "اسم الضحية", "الاسم بالعربية"],
  victimNameLatin: ["name", "victim name", "name latin", "name english", "english name", "الاسم باللاتينية", "الاسم بالإنجليزية"],
  victimSex: ["sex", "gender", "الجنس"],
  victimAge: ["age", "العمر"],
  victimAgeGroup: ["age group", "child adult", "الفئة العمرية"],
  victimOutcome: ["outcome", "status", "killed or injured", "harm", "المصير", "الحالة"],
  victimFamily: ["family", "family group", "household", "العائلة", "الأسرة"],
  victimVerification: ["verification", "identity verification", "verified", "التحقق", "التحقق من الهوية"],
  victimConfidential: ["confidential", "withhold identity", "سري", "سرية"],
};
const byHeader = new Map(victimFields.flatMap((field) => HEADERS[field].map((h) => [compact(h), field] as const)));

/** The victims sheet's mapping guessed from its headers, each field at most once. */
export function guessVictimMapping(headers: string[]): VictimMapping {
  const mapping: VictimMapping = {};
  const taken = new Set<VictimField>();
  headers.forEach((header, column) => {
    const field = byHeader.get(compact(header));
    if (field && !taken.has(field)) {
      mapping[column] = field;
      taken.add(field);
    }
  });
  return mapping;
}

/** The victim fields whose values come from a closed list. */
type ListField = "victimSex" | "victimAgeGroup" | "victimOutcome" | "victimVerification";

const YES = new Set(["yes", "y", "true", "1", "x", "نعم", "سري"].map(compact));

export type VictimProblem = { sheet: string; row: number; column: string | null; field: VictimField; message: string; params?: Record<string, string> };
export type VictimRow = { row: Row; key: string; input: VictimInput };

/**
 * Every row of the victims sheet read by the victim form's own schema (victimInput), with the key of
 * the allegation it belongs to. A value outside a closed list is a problem, never a guess.
 */
export function readVictimRows(
  sheet: Sheet,
  mapping: VictimMapping,
  values: ReadingRules["values"],
): { victims: VictimRow[]; problems: VictimProblem[] } {
  const columnOf = new Map<VictimField, number>();
  for (const [column, field] of Object.entries(mapping)) columnOf.set(field, Number(column));
  const victims: VictimRow[] = [];
  const problems: VictimProblem[] = [];
  for (const row of sheet.rows) {
    const cell = (field: VictimField) => {
      const column = columnOf.get(field);
      return column === undefined ? "" : (row.cells[column] ?? "").trim();
    };
    const before = problems.length;
    const problem = (field: VictimField, message: string, params?: Record<string, string>) => {
      const column = columnOf.get(field);
      problems.push({ sheet: sheet.name, row: row.number, column: column === undefined ? null : sheet.headers[column] || `#${column + 1}`, field, message, ...(params ? { params } : {}) });
    };
    const code = (field: ListField) => {
      const value = cell(field);
      if (!value) return undefined;
      const list = listOfField[field]!;
      const match = matchVocabulary(list, vocabularyLists[list], value, values[list]);
      if (match.ok) return match.code;
      problem(field, match.suggestion ? "unknownValueSuggest" : "unknownValue", { value, ...(match.suggestion ? { suggestion: match.suggestion } : {}) });
      return undefined;
    };
    const key = cell("victimKey");
    if (!key) problem("victimKey", "victimNeedsKey");
    const input = {
      nameAr: cell("victimNameAr"),
      nameLatin: cell("victimNameLatin"),
      sex: code("victimSex"),
      age: westernDigits(cell("victimAge")),
      ageGroup: code("victimAgeGroup"),
      outcome: code("victimOutcome") ?? (cell("victimOutcome") ? "-" : undefined),
      familyGroup: cell("victimFamily"),
      identityVerification: code("victimVerification"),
      confidential: YES.has(compact(cell("victimConfidential"))),
    };
    const parsed = victimInput.safeParse(input);
    if (!parsed.success) {
      const reported = new Set(problems.slice(before).map((p) => p.field));
      const fieldOf: Record<string, VictimField> = {
        nameAr: "victimNameAr",
        nameLatin: "victimNameLatin",
        sex: "victimSex",
        age: "victimAge",
        ageGroup: "victimAgeGroup",
        outcome: "victimOutcome",
        familyGroup: "victimFamily",
        identityVerification: "victimVerification",
      };
      for (const [formField, messages] of Object.entries(fieldErrorsOf(parsed.error))) {
        const field = fieldOf[formField] ?? "victimNameLatin";
        if (reported.has(field)) continue;
        for (const message of messages) problem(field, message);
      }
    }
    if (problems.length === before && parsed.success) victims.push({ row, key, input: parsed.data });
  }
  return { victims, problems };
}
