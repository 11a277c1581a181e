import { z } from "zod";
import { belligerentAnswers, belligerents } from "@/lib/cases/vocabulary";
import { IMPORT_MAX_BYTES } from "@/lib/import/jobs";
import { readWhole, uploadOf } from "@/lib/import/received-file";
import { confirmMatch, createReconciliation, markNoMatch, rereadReconciliation } from "@/lib/reconcile/commands";
import { reconciliationFields } from "@/lib/reconcile/rows";
import { reconciliationView, type ReconciliationView } from "@/lib/reconcile/queries";
import { API_BASE } from "./cases";
import { ApiError, englishMessage } from "./errors";
import { readBody, type ApiHandler } from "./handler";
import { failureResponse, json } from "./http";

export const reconciliationParams = z.object({
  belligerent: z.enum(belligerents).describe("Whose table it is"),
  releasedOn: z.string().describe("The date of the release (YYYY-MM-DD): the answer's date for rows that give none"),
  sheet: z.string().optional().describe("A workbook's sheet; the first when not named"),
  dateOrder: z.enum(["dmy", "mdy"]).optional().describe("How the table writes dates like 05/06/2017; day first by default"),
  windowDays: z.string().optional().describe("Days either side of a row's date a proposed allegation may be (0-60, default 3)"),
  distanceKm: z.string().optional().describe("Kilometres from a row's point a proposed allegation in another governorate may be (0-100, default 5)"),
});
export const confirmMatchBody = z.object({ caseId: z.uuid().describe("The proposed allegation this row is") });
export const matchConfirmedDto = z.object({ caseId: z.uuid() });

const proposalDto = z.object({
  caseId: z.uuid(),
  reference: z.string(),
  title: z.string(),
  incidentDateFrom: z.string(),
  governoratePcode: z.string(),
  killedMin: z.int().nullable(),
  killedMax: z.int().nullable(),
  stage: z.string(),
  daysApart: z.int().describe("Days between their date and our incident's (0 within our dates)"),
  sameGovernorate: z.boolean(),
  km: z.number().nullable().describe("Distance between their point and ours, where both have one"),
});
export const reconciliationDto = z.object({
  id: z.uuid(),
  fileName: z.string(),
  sha256: z.string(),
  belligerent: z.string(),
  windowDays: z.int(),
  distanceKm: z.int(),
  rows: z.int().describe("Rows in the table"),
  problems: z.array(z.object({ row: z.int(), column: z.string().nullable(), field: z.string(), code: z.string(), message: z.string() })).describe("Rows left out, with why"),
  counts: z.object({ proposed: z.int(), unmatched: z.int(), confirmed: z.int(), noMatch: z.int() }),
  items: z.array(
    z.object({
      id: z.uuid(),
      row: z.int(),
      theirReference: z.string().nullable(),
      incidentDate: z.string(),
      governoratePcode: z.string().nullable(),
      answer: z.enum(belligerentAnswers),
      deathsConcededMin: z.int().nullable(),
      deathsConcededMax: z.int().nullable(),
      answeredOn: z.string(),
      decision: z.enum(["confirmed", "no_match"]).nullable().describe("null: to decide; no proposal and no decision is an unmatched row"),
      caseId: z.uuid().nullable().describe("The allegation a confirmed match recorded the answer on"),
      proposals: z.array(proposalDto),
    }),
  ),
});

function toDto(v: ReconciliationView): z.input<typeof reconciliationDto> {
  return {
    id: v.table.id,
    fileName: v.table.fileName,
    sha256: v.table.fileSha256,
    belligerent: v.table.belligerent,
    windowDays: v.table.windowDays,
    distanceKm: v.table.distanceKm,
    rows: v.table.rows,
    problems: v.table.problems.map(({ row, column, field, message, params }) => ({ row, column, field, code: message, message: englishMessage(message, params) })),
    counts: v.counts,
    items: v.rows.map((r) => ({
      id: r.id,
      row: r.rowNumber,
      theirReference: r.theirReference,
      incidentDate: r.incidentDate,
      governoratePcode: r.governoratePcode,
      answer: r.answer,
      deathsConcededMin: r.deathsConcededMin,
      deathsConcededMax: r.deathsConcededMax,
      answeredOn: r.answeredOn,
      decision: r.decision,
      caseId: r.caseId,
      proposals: r.proposals.map(({ rowId: _, ...p }) => p),
    })),
  };
}

async function viewResponse(req: Parameters<ApiHandler>[0], id: string, status = 200, headers: Record<string, string> = {}) {
  const view = await reconciliationView(req.db, req.actor, id);
  if (!view) throw new ApiError({ error: "notFound" });
  return json(toDto(view), status, headers);
}

/** POST /reconciliations: their table as the body, its name in X-File-Name, the rest in the query. */
export const uploadReconciliationEndpoint: ApiHandler = async (req) => {
  const upload = uploadOf(req.request);
  if (!upload) throw new ApiError({ error: "invalidInput", fieldErrors: { fileName: ["invalid"] } });
  const whole = await readWhole(upload, IMPORT_MAX_BYTES);
  if (!whole.ok) return failureResponse(whole);
  const { name: fileName, bytes } = whole.value;
  const result = await createReconciliation(req.db, await req.store(), req.actor, { fileName, bytes }, Object.fromEntries(req.url.searchParams));
  if (!result.ok) return failureResponse(result);
  return viewResponse(req, result.value.id, 201, { Location: `${API_BASE}/reconciliations/${result.value.id}` });
};

export const getReconciliationEndpoint: ApiHandler = (req) => viewResponse(req, req.params.reconciliationId);

/** The body of a new reading: which column of their table gives which field (each once), and the date order. */
export const rereadBody = z.object({
  mapping: z.record(z.string().regex(/^\d{1,3}$/), z.enum(reconciliationFields)).describe("Column number (from 0) → the field it gives"),
  dateOrder: z.enum(["dmy", "mdy"]).optional().describe("How the table writes dates: day first (the default) or month first"),
});

export const rereadReconciliationEndpoint: ApiHandler = async (req) => {
  const body = await readBody(req.request, rereadBody);
  const result = await rereadReconciliation(req.db, await req.store(), req.actor, req.params.reconciliationId, body);
  return result.ok ? viewResponse(req, req.params.reconciliationId) : failureResponse(result);
};

export const confirmMatchEndpoint: ApiHandler = async (req) => {
  const body = await readBody(req.request, confirmMatchBody);
  const result = await confirmMatch(req.db, req.actor, req.params.rowId, body);
  return result.ok ? json(result.value) : failureResponse(result);
};

export const markNoMatchEndpoint: ApiHandler = async (req) => {
  const result = await markNoMatch(req.db, req.actor, req.params.rowId);
  return result.ok ? new Response(null, { status: 204 }) : failureResponse(result);
};
