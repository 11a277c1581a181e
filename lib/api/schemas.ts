import { z } from "zod";
import { caseListQuery } from "@/lib/cases/list-query";
import { caseFields, caseInput, caseUpdateInput, commentInput, sourceInput, victimInput } from "@/lib/cases/schemas";
import {
  answerInput,
  assessmentInput,
  assignmentInput,
  duplicateInput,
  moveInput,
  redressInput,
  redressStatusInput,
  sendingInput,
} from "@/lib/cases/lifecycle-schemas";
import { isStorableText } from "@/lib/cases/schema-parts";
import { ApiError } from "./errors";

/**
 * The API's request bodies, composed from the forms' schemas (lib/cases/schemas.ts): the commands
 * validate with those very schemas; these compositions only say which fields an endpoint takes
 * (anything else is refused by name) and describe them in the OpenAPI document. A change is partial:
 * fields left out keep their values.
 */
export const caseCreateBody = caseInput;
export const caseUpdateBody = caseFields.partial().extend(caseUpdateInput.shape);
export const caseDeleteBody = caseUpdateInput;

const victimFields = z.object(victimInput.in.shape);
export const victimAddBody = victimInput;
export const victimChangeBody = victimFields.partial();
export const sourceAddBody = sourceInput;
export const sourceChangeBody = sourceInput.partial();
export const commentAddBody = commentInput;
export const commentChangeBody = commentInput.partial();
/** Removing a victim, source or comment may say why; the reason goes into the trail. */
export const itemRemoveBody = z.object({ reason: caseUpdateInput.shape.reason });

// The lifecycle's bodies are its forms' schemas as they are.
export const moveBody = moveInput;
export const assessmentBody = assessmentInput;
export const sendingBody = sendingInput;
export const answerBody = answerInput;
export const redressBody = redressInput;
export const redressStatusBody = redressStatusInput;
export const duplicateBody = duplicateInput;
export const assignmentBody = assignmentInput;

export const caseListParams = caseListQuery;
export const trailParams = z.object({
  limit: z.coerce.number({ error: "notANumber" }).int({ error: "wholeNumber" }).min(1, { error: "outOfRange" }).max(1000, { error: "outOfRange" }).default(200),
});

/** The field names of a body schema (an object, or a pipe/refinement of one). */
export function fieldsOf(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodPipe) return fieldsOf(schema.in as z.ZodType);
  return [];
}

const isRealDay = (s: string) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/**
 * A query string read strictly, unlike the list page (which drops what it cannot read so an old
 * bookmark still opens): a script is told about a misspelt parameter or a bad value instead of
 * quietly getting every case. A parameter given several times is a list.
 */
export function parseQuery<S extends z.ZodObject>(url: URL, schema: S): z.output<S> {
  const raw = new Map<string, string | string[]>();
  const problems = new Map<string, string>();
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    if (!Object.hasOwn(schema.shape, key)) problems.set(key, "unknownField");
    else if (values.some((v) => !isStorableText(v))) problems.set(key, "invalid");
    // Dates go to date columns: "2017-02-30" must be refused here, not by the database.
    else if ((key === "from" || key === "to") && values.some((v) => v !== "" && !isRealDay(v))) problems.set(key, "invalidDate");
    else raw.set(key, values.length === 1 ? values[0] : values);
  }
  const parsed = schema.safeParse(Object.fromEntries(raw));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "_query");
      if (!problems.has(key)) problems.set(key, /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "invalid");
    }
  }
  if (problems.size || !parsed.success) {
    throw new ApiError({ error: "invalidInput", fieldErrors: Object.fromEntries([...problems].map(([key, code]) => [key, [code]])) });
  }
  return parsed.data;
}

/** Text PostgreSQL cannot store (a NUL, a lone surrogate) is refused as invalid, naming the top-level field. */
export function rejectUnstorableText(body: Record<string, unknown>): void {
  const unstorable = (v: unknown): boolean =>
    typeof v === "string"
      ? !isStorableText(v)
      : Array.isArray(v)
        ? v.some(unstorable)
        : typeof v === "object" && v !== null
          ? Object.entries(v).some(([k, inner]) => unstorable(k) || unstorable(inner))
          : false;
  const bad = Object.entries(body).filter(([key, value]) => unstorable(value) || unstorable(key));
  if (bad.length) throw new ApiError({ error: "invalidInput", fieldErrors: Object.fromEntries(bad.map(([key]) => [key, ["invalid"]])) });
}
