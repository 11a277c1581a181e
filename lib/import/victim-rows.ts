import { victimInput, type VictimInput } from "@/lib/cases/schemas";
import { headerGuesser } from "./fields";
import { compact } from "./name-matching";
import { westernDigits } from "./row-values";
import type { Row, Sheet } from "./table";
import { listOfField } from "./lists";
import { rowReader } from "./row-reader";
import type { ReadingRules, RowProblem } from "./rows";

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
/** The victims sheet's mapping guessed from its headers. */
export const guessVictimMapping: (headers: string[]) => VictimMapping = headerGuesser(HEADERS);

/** The victim fields whose values come from a closed list. */
type ListField = "victimSex" | "victimAgeGroup" | "victimOutcome" | "victimVerification";

const YES = new Set(["yes", "y", "true", "1", "x", "نعم", "سري"].map(compact));

export type VictimRow = { row: Row; key: string; input: VictimInput };

/**
 * Every row of the victims sheet read by the victim form's own schema (victimInput), with the key of
 * the allegation it belongs to. A value outside a closed list is a problem, never a guess.
 */
export function readVictimRows(
  sheet: Sheet,
  mapping: VictimMapping,
  values: ReadingRules["values"],
): { victims: VictimRow[]; problems: RowProblem[] } {
  const victims: VictimRow[] = [];
  const problems: RowProblem[] = [];
  for (const row of sheet.rows) {
    const r = rowReader(row, sheet.headers, mapping, values, sheet.name);
    const code = (field: ListField) => r.codes(field, listOfField[field]!)[0];
    const key = r.cell("victimKey");
    if (!key) r.problem("victimKey", "victimNeedsKey");
    const parsed = victimInput.safeParse({
      nameAr: r.cell("victimNameAr"),
      nameLatin: r.cell("victimNameLatin"),
      sex: code("victimSex"),
      age: westernDigits(r.cell("victimAge")),
      ageGroup: code("victimAgeGroup"),
      // An outcome outside our list is already a problem; "-" keeps the schema from also calling it missing.
      outcome: code("victimOutcome") ?? (r.cell("victimOutcome") ? "-" : undefined),
      familyGroup: r.cell("victimFamily"),
      identityVerification: code("victimVerification"),
      confidential: YES.has(compact(r.cell("victimConfidential"))),
    });
    if (!parsed.success) r.report(parsed.error, (f) => fieldOfForm[f] ?? "victimNameLatin");
    if (!r.problems.length && parsed.success) victims.push({ row, key, input: parsed.data });
    problems.push(...r.problems);
  }
  return { victims, problems };
}

/** The victim form's field → the victims sheet's field it comes from. */
const fieldOfForm: Record<string, VictimField> = {
  nameAr: "victimNameAr",
  nameLatin: "victimNameLatin",
  sex: "victimSex",
  age: "victimAge",
  ageGroup: "victimAgeGroup",
  outcome: "victimOutcome",
  familyGroup: "victimFamily",
  identityVerification: "victimVerification",
};
