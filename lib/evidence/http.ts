import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { Failure } from "@/lib/result";
import { formatBytes } from "./format";

/** The HTTP status of each refusal; anything not listed is a 400. */
const statusOf: Record<string, number> = {
  signedOut: 401,
  forbidden: 403,
  crossSite: 403,
  notFound: 404,
  invalidInput: 400,
  evidenceEmpty: 400,
  evidenceIncomplete: 400,
  evidenceTooLarge: 413,
  importTooLarge: 413,
  evidenceDisguised: 415,
  evidenceTypeNotAllowed: 415,
  evidenceUnrecognised: 415,
  evidenceNotText: 415,
  evidenceMissing: 500,
  evidenceStoreUnavailable: 503,
  unexpected: 500,
};

export type EvidenceErrorBody = { error: string; message: string; fieldErrors?: Record<string, string[]> };

/** A refusal as JSON: its key, its message in the reader's language, and each field's messages. */
export async function failureResponse(failure: Pick<Failure, "error" | "fieldErrors" | "params">): Promise<Response> {
  const t = await getTranslations("errors");
  const locale = await getLocale();
  const params: Record<string, string> = { ...failure.params };
  if (params.maxBytes) params.max = formatBytes(Number(params.maxBytes), locale);
  const body: EvidenceErrorBody = {
    error: failure.error,
    message: t.has(failure.error) ? t(failure.error, params) : t("unexpected"),
  };
  if (failure.fieldErrors && Object.keys(failure.fieldErrors).length) {
    body.fieldErrors = Object.fromEntries(
      Object.entries(failure.fieldErrors).map(([field, keys]) => [field, keys.map((k) => (t.has(k) ? t(k) : t("invalid")))]),
    );
  }
  return Response.json(body, { status: statusOf[failure.error] ?? 400, headers: { "Cache-Control": "no-store" } });
}
