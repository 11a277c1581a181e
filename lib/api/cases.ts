import { permissionsOf } from "@/lib/auth/permissions";
import { createCase, deleteCase, updateCase } from "@/lib/cases/commands";
import { caseTrail, getCase, listCases } from "@/lib/cases/queries";
import { toCaseDto, toCaseSummaryDto, toTrailEventDto } from "./dto";
import { ApiError } from "./errors";
import { readBody, type ApiHandler, type ApiRequest } from "./handler";
import { failureResponse, json, noContent } from "./http";
import { caseExists, caseOwnership } from "./queries";
import { assertMayEditCase } from "@/lib/cases/access";
import { caseCreateBody, caseDeleteBody, caseListParams, caseUpdateBody, parseQuery, trailParams } from "./schemas";

export const API_BASE = "/api/v1";

const notFound = () => new ApiError({ error: "notFound" });

/** The case as the API shows it, in a response. */
export async function caseResponse({ db, actor }: ApiRequest, id: string, status = 200, headers: Record<string, string> = {}) {
  const c = await getCase(db, actor, id);
  if (!c) throw notFound();
  return json(toCaseDto(c), status, headers);
}

/** GET /me: who the token acts for, and what their role may do now. */
export const getMe: ApiHandler = async ({ actor }) =>
  json({ id: actor.id, name: actor.name, email: actor.email, role: actor.role, permissions: permissionsOf(actor.role) });

/** GET /cases: the list page's filters, search and order, one page at a time. */
export const listCasesEndpoint: ApiHandler = async ({ db, url, actor, overdueDays }) => {
  const query = parseQuery(url, caseListParams);
  const { items, total } = await listCases(db, actor, query, { overdueDays });
  return json({ items: items.map(toCaseSummaryDto), total, page: query.page, size: query.size });
};

/** POST /cases: files an allegation, in submission. */
export const createCaseEndpoint: ApiHandler = async (req) => {
  const body = await readBody(req.request, caseCreateBody);
  const result = await createCase(req.db, req.actor, body);
  if (!result.ok) return failureResponse(result);
  return caseResponse(req, result.value.id, 201, { Location: `${API_BASE}/cases/${result.value.id}` });
};

/** GET /cases/{caseId}: the case with its victims, sources, evidence and comments. */
export const getCaseEndpoint: ApiHandler = async (req) => caseResponse(req, req.params.caseId);

/** PATCH /cases/{caseId}: the fields given change, the others keep their values; `version` is required. */
export const updateCaseEndpoint: ApiHandler = async (req) => {
  await refuseUnlessMayEdit(req);
  const body = await readBody(req.request, caseUpdateBody);
  const result = await updateCase(req.db, req.actor, req.params.caseId, body);
  if (!result.ok) return failureResponse(result);
  return caseResponse(req, req.params.caseId);
};

/** DELETE /cases/{caseId}: withdraws the case, with its version and a reason. */
export const deleteCaseEndpoint: ApiHandler = async (req) => {
  await refuseUnlessMayEdit(req);
  const body = await readBody(req.request, caseDeleteBody);
  const result = await deleteCase(req.db, req.actor, req.params.caseId, body);
  return result.ok ? noContent() : failureResponse(result);
};

/** GET /cases/{caseId}/trail: the case's audit events, newest first. */
export const caseTrailEndpoint: ApiHandler = async ({ db, actor, url, params }) => {
  const { limit } = parseQuery(url, trailParams);
  if (!(await caseExists(db, actor, params.caseId))) throw notFound();
  const events = await caseTrail(db, actor, params.caseId, limit);
  return json({ items: events.map(toTrailEventDto) });
};

/**
 * Refuses, before the body is read, one who may not change this case (staff and a case they did not
 * file, or one past submission); a missing case is 404. The command checks again, on the locked row.
 */
export async function refuseUnlessMayEdit({ db, actor, params }: Pick<ApiRequest, "db" | "actor" | "params">): Promise<void> {
  const c = await caseOwnership(db, actor, params.caseId);
  if (!c) throw notFound();
  assertMayEditCase(actor, c);
}
