import { createTranslator } from "next-intl";
import { z } from "zod";
import { lifecycleProblems } from "@/lib/cases/lifecycle";
import { catalogues } from "@/lib/i18n/catalogues";
import type { Failure, FieldErrors } from "@/lib/result";

/**
 * How the API reports a refusal: the same message keys the forms use (under "errors." in the
 * catalogues), with their English text, and every field's problems at once.
 */
export const apiErrorDto = z.object({
  error: z.string().meta({ description: "A stable code: invalidToken, forbidden, notFound, staleVersion, invalidInput, …", example: "invalidInput" }),
  message: z.string().meta({ description: "What went wrong, in English", example: "Some fields need attention." }),
  fieldErrors: z
    .record(z.string(), z.array(z.object({ code: z.string(), message: z.string() })))
    .optional()
    .meta({ description: "For invalidInput: each field's problems, all at once, keyed by field name" }),
  details: z
    .record(z.string(), z.string())
    .optional()
    .meta({ description: "Facts behind the message; for staleVersion: name (who saved), at (when), version (the current version)" }),
});
export type ApiErrorBody = z.output<typeof apiErrorDto>;
export type ApiFieldError = { code: string; message: string };

/** The HTTP status of each refusal a command or the API itself gives; anything else is a 400. */
const statuses: Record<string, number> = {
  invalidToken: 401,
  signedOut: 401,
  forbidden: 403,
  onlyOwnSubmission: 403,
  notFound: 404,
  staleVersion: 409,
  invalidJson: 400,
  invalidInput: 422,
  bodyTooLarge: 413,
  importTooLarge: 413,
  // The file came whole but is not one we can read.
  importEmpty: 422,
  importNotText: 422,
  importBadCsv: 422,
  importBadWorkbook: 422,
  unsupportedMediaType: 415,
  unexpected: 500,
};

/** Refusals because of where a case stands (its stage, what it lacks, another's change): the request was fine, the moment was not. */
const conflicts = new Set<string>([
  ...lifecycleProblems,
  "assessOnlyInAssessment",
  "awaitingAnswer",
  "answerNotNow",
  "answerToLatestOnly",
  "redressOnlyInRedress",
  "hasDuplicates",
  "originalIsDuplicate",
  "importNotStartable",
  "importNotCancellable",
  "importNotUndoable",
  "importChangedSince",
  "reconciliationDecided",
  "reconciliationStarted",
]);

export function statusOf(error: string): number {
  if (Object.hasOwn(statuses, error)) return statuses[error];
  return conflicts.has(error) ? 409 : 400;
}

const errorsNamespace = catalogues.en.errors;
/** The English messages under "errors." (all of them plain strings). */
const englishErrors: Record<string, string> = Object.fromEntries(
  Object.entries(typeof errorsNamespace === "object" ? errorsNamespace : {}).filter((e): e is [string, string] => typeof e[1] === "string"),
);

const translate = createTranslator({
  locale: "en",
  messages: englishErrors,
  // A placeholder left without a value is a bug here, not the client's: logged, and the message falls back to its key.
  onError: (error) => console.error("[api] message:", error.message),
});

/** The English text of an error key, with its placeholders filled; `fallback`'s text for a key the catalogue lacks. */
export function englishMessage(key: string, params?: Record<string, string>, fallback = "invalid"): string {
  return translate.has(key) ? translate(key, params) : translate(fallback);
}

export function describeFieldErrors(fieldErrors: FieldErrors): Record<string, ApiFieldError[]> {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, codes]) => [field, codes.map((code) => ({ code, message: englishMessage(code) }))]),
  );
}

export function errorBody(failure: Pick<Failure, "error" | "fieldErrors" | "params">): ApiErrorBody {
  const body: ApiErrorBody = { error: failure.error, message: englishMessage(failure.error, failure.params, "unexpected") };
  if (failure.fieldErrors && Object.keys(failure.fieldErrors).length) body.fieldErrors = describeFieldErrors(failure.fieldErrors);
  if (failure.params && Object.keys(failure.params).length) body.details = failure.params;
  return body;
}

/** A refusal the API raises itself (an unreadable body, a bad token); turned into its JSON response by the handler. */
export class ApiError extends Error {
  constructor(
    readonly failure: Pick<Failure, "error" | "fieldErrors" | "params">,
    readonly status: number = statusOf(failure.error),
  ) {
    super(failure.error);
    this.name = "ApiError";
  }
}
