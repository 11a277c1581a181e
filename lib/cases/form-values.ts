import type { FormValues } from "@/lib/form-state";
import { caseFields } from "./schemas";

/** A saved case as the form shows it: text as strings, lists as lists, unknown as empty. */
export function caseToFormValues(c: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const key of Object.keys(caseFields.shape)) {
    const v = c[key];
    if (key === "externalCodes" || key === "tags") out[key] = Array.isArray(v) ? v.join(", ") : "";
    else if (Array.isArray(v)) out[key] = v.map(String);
    else out[key] = v === null || v === undefined ? "" : String(v);
  }
  if (out.datePrecision === "day") out.incidentDateTo = "";
  return out;
}
