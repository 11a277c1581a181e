import type { FieldErrors, Result } from "./result";

/** What a server action hands back to its form: message keys (under "errors."), and the input to keep. */
export type FormState =
  | { status: "idle" }
  | { status: "ok"; message?: string; params?: Record<string, string> }
  | { status: "error"; error: string; fieldErrors?: FieldErrors; values?: FormValues; params?: Record<string, string> };

/** What was typed, to show again: text fields as strings, checkbox groups as lists. */
export type FormValues = Record<string, string | string[]>;

export const idle: FormState = { status: "idle" };

/** Text fields of a submission, to show again after a refusal. Passwords are never sent back. */
export function keptValues(formData: FormData, fields: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const v = formData.get(f);
    if (typeof v === "string") out[f] = v;
  }
  return out;
}

export function stateFrom<T>(
  result: Result<T>,
  success: { message?: string; params?: Record<string, string> },
  values?: FormValues,
): FormState {
  return result.ok
    ? { status: "ok", ...success }
    : { status: "error", error: result.error, fieldErrors: result.fieldErrors, values, params: result.params };
}

/** One kept text value (the last, if a name was posted several times). */
export function textValue(values: FormValues | undefined, key: string): string | undefined {
  const v = values?.[key];
  return Array.isArray(v) ? v[v.length - 1] : v;
}

/** A kept list (checkbox group), without the empty marker. */
export function listValue(values: FormValues | undefined, key: string): string[] | undefined {
  const v = values?.[key];
  if (v === undefined) return undefined;
  return (Array.isArray(v) ? v : [v]).filter(Boolean);
}
