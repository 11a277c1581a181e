import { victimInput, type VictimInput } from "@/lib/cases/schemas";
import { headerGuesser, victimDetailFields, type VictimDetailField } from "./fields";
import { importFlag, importList, westernDigits } from "./row-values";
import type { Row, Sheet } from "./table";
import { listOfField } from "./lists";
import { rowReader, type RowReader } from "./row-reader";
import type { ReadingRules, RowProblem } from "./rows";

/** What a column of a victims sheet can be mapped to: the victim form's fields, and the allegation's key it joins on. */
export const victimFields = ["victimKey", ...victimDetailFields] as const;
export type VictimField = (typeof victimFields)[number];
export type VictimMapping = Record<number, VictimField>;

/** The victims sheet of a workbook, and how its columns are read; kept in the template with the reading rules. */
export type VictimsReading = {
  sheet: string;
  mapping?: VictimMapping;
  /** The sheet is one of the import's second file (lib/import/victims-file.ts), not of the first. */
  file?: boolean;
};

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


export type VictimRow = { row: Row; key: string; input: VictimInput };

/**
 * Every row of the victims sheet read by the victim form's own schema (victimInput), with the key of
 * the allegation it belongs to. A value outside a closed list is a problem, never a guess.
 */
export function readVictimRows(sheet: Sheet, mapping: VictimMapping, rules: Pick<ReadingRules, "values" | "defaults">): { victims: VictimRow[]; problems: RowProblem[] } {
  const victims: VictimRow[] = [];
  const problems: RowProblem[] = [];
  for (const row of sheet.rows) {
    const r = rowReader(row, sheet.headers, mapping, rules.values, sheet.name);
    const key = r.cell("victimKey");
    if (!key) r.problem("victimKey", "victimNeedsKey");
    const input = readVictim(r, r.cell, rules.defaults);
    if (input && !r.problems.length) victims.push({ row, key, input });
    problems.push(...r.problems);
  }
  return { victims, problems };
}

/** Fields of which each victim listed in one row has its own value; the others may give one value for all. */
const OWN_VALUE = new Set<VictimDetailField>(["victimNameAr", "victimNameLatin", "victimAge"]);

/**
 * The victims an allegation's own row names: one, or several listed in its cells ("Ahmad; Fatima",
 * ages "34; 7"), the nth of each list making the nth victim. A list of another length than the
 * names' is a problem, never a guess at who is who; a closed-list value given once (an outcome) holds for all.
 */
export function readRowVictims(r: RowReader<VictimDetailField>, defaults?: ReadingRules["defaults"]): VictimInput[] {
  const lists = Object.fromEntries(victimDetailFields.map((f) => [f, importList(r.cell(f))])) as Record<VictimDetailField, string[]>;
  const count = Math.max(0, ...victimDetailFields.filter((f) => OWN_VALUE.has(f)).map((f) => lists[f].length));
  if (!count && !victimDetailFields.some((f) => lists[f].length)) return [];
  const before = r.problems.length;
  for (const f of victimDetailFields) {
    const n = lists[f].length;
    if (n && n !== count && (OWN_VALUE.has(f) || n !== 1)) r.problem(f, "victimListsDiffer", { values: String(n), victims: String(count) });
  }
  if (r.problems.length > before) return [];
  const victims: VictimInput[] = [];
  for (let i = 0; i < Math.max(count, 1); i++) {
    const input = readVictim(r, (f) => (lists[f].length === 1 ? lists[f][0] : (lists[f][i] ?? "")), defaults);
    if (input) victims.push(input);
  }
  if (r.problems.length === before) return victims;
  // The same problem of several victims (none says its outcome) is told once for the row.
  const told = new Set<string>();
  for (const p of r.problems.splice(before)) {
    const key = JSON.stringify([p.field, p.message, p.params]);
    if (!told.has(key)) r.problems.push(p);
    told.add(key);
  }
  return [];
}

/**
 * One victim from a row's values (`value` gives each field's text), checked by the victim form's own
 * schema; null when it has a problem (reported on `r`). The outcome the file leaves out may be given once for the whole file.
 */
function readVictim(r: RowReader<VictimDetailField>, value: (field: VictimDetailField) => string, defaults?: ReadingRules["defaults"]): VictimInput | null {
  const before = r.problems.length;
  const code = (field: ListField) => (value(field) ? r.code(field, listOfField[field]!, value(field)) : undefined);
  const outcome = value("victimOutcome") ? code("victimOutcome") : defaults?.victimOutcome;
  if (!value("victimOutcome") && !outcome) r.problem("victimOutcome", "victimOutcomeNeeded");
  const parsed = victimInput.safeParse({
    nameAr: value("victimNameAr"),
    nameLatin: value("victimNameLatin"),
    sex: code("victimSex"),
    age: westernDigits(value("victimAge")),
    ageGroup: code("victimAgeGroup"),
    // An outcome outside our list is already a problem; "-" keeps the schema from also calling it missing.
    outcome: outcome ?? (value("victimOutcome") ? "-" : undefined),
    familyGroup: value("victimFamily"),
    identityVerification: code("victimVerification"),
    confidential: importFlag(value("victimConfidential")),
  });
  if (!parsed.success) r.report(parsed.error, (f) => fieldOfForm[f] ?? "victimNameLatin");
  return parsed.success && r.problems.length === before ? parsed.data : null;
}

/** The victim form's field → the victims sheet's field it comes from. */
const fieldOfForm: Record<string, VictimDetailField> = {
  nameAr: "victimNameAr",
  nameLatin: "victimNameLatin",
  sex: "victimSex",
  age: "victimAge",
  ageGroup: "victimAgeGroup",
  outcome: "victimOutcome",
  familyGroup: "victimFamily",
  identityVerification: "victimVerification",
};
