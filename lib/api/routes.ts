import type { z } from "zod";
import {
  caseTrailEndpoint,
  createCaseEndpoint,
  deleteCaseEndpoint,
  getCaseEndpoint,
  getMe,
  listCasesEndpoint,
  updateCaseEndpoint,
} from "./cases";
import {
  addRedressEndpoint,
  answerEndpoint,
  assessEndpoint,
  assignEndpoint,
  duplicateEndpoint,
  moveEndpoint,
  redressStatusEndpoint,
  sendEndpoint,
} from "./lifecycle";
import {
  cancelImportEndpoint,
  commitImportEndpoint,
  getImportEndpoint,
  importDto,
  importErrorsEndpoint,
  importListDto,
  importPreviewDto,
  importReadingBody,
  importUndoBody,
  importUndoneDto,
  listImportsEndpoint,
  previewImportEndpoint,
  undoImportEndpoint,
  uploadImportEndpoint,
  uploadVictimsFileEndpoint,
} from "./imports";
import {
  confirmMatchBody,
  confirmMatchEndpoint,
  getReconciliationEndpoint,
  markNoMatchEndpoint,
  matchConfirmedDto,
  reconciliationDto,
  reconciliationParams,
  rereadBody,
  rereadReconciliationEndpoint,
  uploadReconciliationEndpoint,
} from "./reconciliations";
import { caseDto, caseListDto, commentDto, meDto, sourceDto, trailDto, victimDto } from "./dto";
import type { ApiHandler } from "./handler";
import { commentEndpoints, sourceEndpoints, victimEndpoints } from "./items";
import { summaryDto, summaryEndpoint, summaryExportEndpoint, summaryExportParams, summaryParams } from "./summary";
import {
  answerBody,
  assessmentBody,
  assignmentBody,
  duplicateBody,
  moveBody,
  redressBody,
  redressStatusBody,
  sendingBody,
  caseCreateBody,
  caseDeleteBody,
  caseListParams,
  caseUpdateBody,
  commentAddBody,
  commentChangeBody,
  itemRemoveBody,
  sourceAddBody,
  sourceChangeBody,
  trailParams,
  victimAddBody,
  victimChangeBody,
} from "./schemas";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

/** One endpoint: what the route file serves and what the OpenAPI document says about it. */
export type ApiRoute = {
  method: HttpMethod;
  /** Under /api/v1, with {parameters} named as the route folders name them. */
  path: string;
  operationId: string;
  tag: "account" | "cases" | "lifecycle" | "victims" | "sources" | "comments" | "summaries" | "imports";
  summary: string;
  description?: string;
  handler: ApiHandler;
  query?: z.ZodObject;
  body?: { schema: z.ZodType; name: string; optional?: boolean };
  /** A file as the whole body (not JSON), its name in X-File-Name. */
  upload?: { description: string };
  response: { status: 200 | 201 | 202 | 204; description: string; schema?: z.ZodType; name?: string };
  /** The refusals this endpoint gives besides 401 (every endpoint) and 500. */
  errors: number[];
};

const readErrors = [403, 404];
const bodyErrors = [400, 413, 415, 422];

function itemRoutes(
  tag: "victims" | "sources" | "comments",
  singular: string,
  endpoints: typeof victimEndpoints,
  schemas: { add: z.ZodType; change: z.ZodType; dto: z.ZodType; names: { add: string; change: string; dto: string } },
): ApiRoute[] {
  return [
    {
      method: "POST",
      path: `/cases/{caseId}/${tag}`,
      operationId: `add${schemas.names.dto}`,
      tag,
      summary: `Add a ${singular} to a case`,
      handler: endpoints.add,
      body: { schema: schemas.add, name: schemas.names.add },
      response: { status: 201, description: `The ${singular} as stored`, schema: schemas.dto, name: schemas.names.dto },
      errors: [...readErrors, ...bodyErrors],
    },
    {
      method: "GET",
      path: `/${tag}/{id}`,
      operationId: `get${schemas.names.dto}`,
      tag,
      summary: `Read one ${singular}`,
      handler: endpoints.get,
      response: { status: 200, description: `The ${singular}`, schema: schemas.dto, name: schemas.names.dto },
      errors: readErrors,
    },
    {
      method: "PATCH",
      path: `/${tag}/{id}`,
      operationId: `change${schemas.names.dto}`,
      tag,
      summary: `Change a ${singular}`,
      description: `Fields left out keep their values. Only the person who added the ${singular}, or a reviewer or manager, may change it.`,
      handler: endpoints.change,
      body: { schema: schemas.change, name: schemas.names.change },
      response: { status: 200, description: `The ${singular} as stored`, schema: schemas.dto, name: schemas.names.dto },
      errors: [...readErrors, ...bodyErrors],
    },
    {
      method: "DELETE",
      path: `/${tag}/{id}`,
      operationId: `remove${schemas.names.dto}`,
      tag,
      summary: `Remove a ${singular}`,
      description: `The trail keeps what was removed, and the reason if one is given. Only the person who added the ${singular}, or a reviewer or manager, may remove it.`,
      handler: endpoints.remove,
      body: { schema: itemRemoveBody, name: "RemoveItem", optional: true },
      response: { status: 204, description: "Removed" },
      errors: [...readErrors, ...bodyErrors],
    },
  ];
}

const lifecycleErrors = [...readErrors, 409, ...bodyErrors];
const stageRules =
  " Refusals that depend on where the case stands (a skipped stage, something the move needs) are 409 with a message naming what is missing, as on the case page.";

function lifecycleRoute(
  method: "POST",
  path: string,
  operationId: string,
  summary: string,
  description: string,
  handler: ApiRoute["handler"],
  body: { schema: z.ZodType; name: string },
  status: 200 | 201 = 200,
): ApiRoute {
  return {
    method,
    path,
    operationId,
    tag: "lifecycle",
    summary,
    description: description + stageRules,
    handler,
    body,
    response: { status, description: "The whole case, as GET /cases/{caseId} gives it", schema: caseDto, name: "Case" },
    errors: lifecycleErrors,
  };
}

/** Stage moves, assessments, the belligerent's responses, redress, duplicates and assignment (DOMAIN.md, "Lifecycle"). */
const lifecycleRoutes: ApiRoute[] = [
  lifecycleRoute(
    "POST",
    "/cases/{caseId}/moves",
    "moveCase",
    "Submit, pursue redress, close or reopen a case",
    "`move` is submit (staff: their own case only), pursue_redress (after an answer, or with `withoutAnswer` and a `reason`), close (with a `closingReason`) or reopen (with a `reason`, and optionally `evidenceIds` of the case's evidence). Sending to the belligerent and marking a duplicate have their own endpoints.",
    moveEndpoint,
    { schema: moveBody, name: "Move" },
  ),
  lifecycleRoute(
    "POST",
    "/cases/{caseId}/assessments",
    "assessCase",
    "Record an assessment",
    "In assessment only. Assessments are kept; the latest one's grading becomes the case's.",
    assessEndpoint,
    { schema: assessmentBody, name: "Assessment" },
    201,
  ),
  lifecycleRoute(
    "POST",
    "/cases/{caseId}/responses",
    "sendToBelligerent",
    "Send a case to the belligerent, or ask it to re-evaluate",
    "From assessment this moves the case to belligerent response. Later, only a re-evaluation request (`kind: re_evaluation`, with `evidenceIds`) once the last sending was answered.",
    sendEndpoint,
    { schema: sendingBody, name: "Sending" },
    201,
  ),
  lifecycleRoute(
    "POST",
    "/responses/{id}/answer",
    "recordAnswer",
    "Record the belligerent's answer to a sending",
    "Only on the latest sending, while the case is in belligerent response or redress; recording it again corrects it (the trail keeps both).",
    answerEndpoint,
    { schema: answerBody, name: "Answer" },
  ),
  lifecycleRoute(
    "POST",
    "/cases/{caseId}/redress",
    "addRedressItem",
    "Add a redress item",
    "In redress only. Payments need `amount` (decimal text) and `currency` (ISO 4217); beneficiaries are victims of the case. The item starts as requested.",
    addRedressEndpoint,
    { schema: redressBody, name: "RedressItem" },
    201,
  ),
  lifecycleRoute(
    "POST",
    "/redress/{id}/status",
    "changeRedressStatus",
    "Move a redress item to its next status",
    "requested → offered → accepted → delivered, or refused / denied; send the item's `version` (409 if someone changed it since).",
    redressStatusEndpoint,
    { schema: redressStatusBody, name: "RedressStatus" },
  ),
  lifecycleRoute(
    "POST",
    "/cases/{caseId}/duplicate-of",
    "markDuplicate",
    "Mark a case as a duplicate of another",
    "`original` is the other case's reference or id. The case closes as a duplicate, both cases show the link, and a duplicate is never counted in any figure.",
    duplicateEndpoint,
    { schema: duplicateBody, name: "DuplicateOf" },
  ),
  lifecycleRoute(
    "POST",
    "/cases/{caseId}/assignment",
    "assignCase",
    "Assign a case to a reviewer",
    "Managers only. `assigneeId` null takes the case back.",
    assignEndpoint,
    { schema: assignmentBody, name: "Assignment" },
  ),
];

/** Every endpoint of /api/v1 except the OpenAPI document itself (which needs no token). */
const importReading = { schema: importReadingBody, name: "ImportReading", optional: true };
const importResponse = (status: 200 | 201 | 202, description: string) => ({ status, description, schema: importDto, name: "Import" });

const importRoutes: ApiRoute[] = [
  {
    method: "POST",
    path: "/imports",
    operationId: "uploadImport",
    tag: "imports",
    summary: "Upload a file to import",
    description:
      "The file (CSV in UTF-8 or UTF-16 with any delimiter, or an XLSX workbook) as the whole body, its name in `X-File-Name` (percent-encoded UTF-8). It is kept as the provenance of what it will file; nothing is filed until it is committed. Reviewers and managers only.",
    handler: uploadImportEndpoint,
    upload: { description: "The file's bytes" },
    response: importResponse(201, "The uploaded import, not yet committed"),
    errors: [403, 413, 422],
  },
  {
    method: "POST",
    path: "/imports/{importId}/victims-file",
    operationId: "uploadImportVictimsFile",
    tag: "imports",
    summary: "Upload the file listing an import's victims",
    description:
      "A second file (CSV or XLSX, as the first) listing victims one per row with the code of their allegation, for an import not yet started; a new one replaces the last. It is kept beside the first; name one of its sheets in the reading with `rules.victims = { file: true, sheet }`.",
    handler: uploadVictimsFileEndpoint,
    upload: { description: "The victims file's bytes" },
    response: importResponse(200, "The import, with its victims file"),
    errors: [403, 404, 409, 413, 422],
  },
  {
    method: "GET",
    path: "/imports",
    operationId: "listImports",
    tag: "imports",
    summary: "The latest imports",
    handler: listImportsEndpoint,
    response: { status: 200, description: "The 50 latest, newest first", schema: importListDto, name: "ImportList" },
    errors: [403],
  },
  {
    method: "GET",
    path: "/imports/{importId}",
    operationId: "getImport",
    tag: "imports",
    summary: "An import's status and progress",
    handler: getImportEndpoint,
    response: importResponse(200, "The import"),
    errors: readErrors,
  },
  {
    method: "POST",
    path: "/imports/{importId}/preview",
    operationId: "previewImport",
    tag: "imports",
    summary: "What a commit would file, writing nothing",
    description:
      "Every row checked by the filing form's own rules. Without a `mapping`, a saved template's for files with these headers is used, or one guessed from the headers (English or Arabic). `rules.values` maps the file's own values to codes of our lists; a list is never extended.",
    handler: previewImportEndpoint,
    body: importReading,
    response: { status: 200, description: "The preview", schema: importPreviewDto, name: "ImportPreview" },
    errors: [...readErrors, ...bodyErrors],
  },
  {
    method: "POST",
    path: "/imports/{importId}/commit",
    operationId: "commitImport",
    tag: "imports",
    summary: "Start committing an import on the server",
    description:
      "Files every valid row, as one unit: all of them or, if the job fails or is cancelled, none. Answers at once; follow `GET /imports/{importId}` for the progress. Rows an earlier import filed (same key) are skipped. An interrupted import may be started again.",
    handler: commitImportEndpoint,
    body: importReading,
    response: importResponse(202, "The import, running"),
    errors: [...readErrors, ...bodyErrors, 409],
  },
  {
    method: "POST",
    path: "/imports/{importId}/cancel",
    operationId: "cancelImport",
    tag: "imports",
    summary: "Cancel an import",
    description: "A running job stops at its next batch and nothing it filed is kept; an import not yet started is put aside.",
    handler: cancelImportEndpoint,
    response: importResponse(200, "The import"),
    errors: [...readErrors, 409],
  },
  {
    method: "POST",
    path: "/imports/{importId}/undo",
    operationId: "undoImport",
    tag: "imports",
    summary: "Withdraw everything an import filed",
    description: "Every allegation it filed is withdrawn (as a delete: kept, with its trail, off every list), unless one of them was changed since: then nothing is, and the refusal (409) names them.",
    handler: undoImportEndpoint,
    body: { schema: importUndoBody, name: "ImportUndo" },
    response: { status: 200, description: "How many were withdrawn", schema: importUndoneDto, name: "ImportUndone" },
    errors: [...readErrors, ...bodyErrors, 409],
  },
  {
    method: "GET",
    path: "/imports/{importId}/errors",
    operationId: "importErrors",
    tag: "imports",
    summary: "The rows an import left out, with their problems",
    description: "CSV (UTF-8): the file's own columns, then the row number and its problems in English, to fix and import again.",
    handler: importErrorsEndpoint,
    response: { status: 200, description: "The error file (text/csv), as an attachment" },
    errors: readErrors,
  },
];

const reconciliationResponse = (status: 200 | 201, description: string) => ({ status, description, schema: reconciliationDto, name: "Reconciliation" });

const reconciliationRoutes: ApiRoute[] = [
  {
    method: "POST",
    path: "/reconciliations",
    operationId: "uploadReconciliation",
    tag: "imports",
    summary: "Bring in a belligerent's published table of its assessments",
    description:
      "The table (CSV or XLSX) as the whole body, its name in `X-File-Name`. Each row's answer is read by the answer form's rules; the columns are guessed from the headers. The answer proposes our allegations for each row (same belligerent, dates within `windowDays`, same governorate or within `distanceKm`), with the evidence. Nothing is recorded on a case until a match is confirmed. Reviewers and managers only.",
    handler: uploadReconciliationEndpoint,
    query: reconciliationParams,
    upload: { description: "The table's bytes" },
    response: reconciliationResponse(201, "The table, its rows and their proposals"),
    errors: [403, 413, 422],
  },
  {
    method: "GET",
    path: "/reconciliations/{reconciliationId}",
    operationId: "getReconciliation",
    tag: "imports",
    summary: "A belligerent's table: proposals to decide, confirmed matches, and the unmatched rows",
    description: "Unmatched rows (no proposal, or none of ours) are incidents the belligerent concedes that nobody here has documented yet.",
    handler: getReconciliationEndpoint,
    response: reconciliationResponse(200, "The table"),
    errors: readErrors,
  },
  {
    method: "POST",
    path: "/reconciliations/{reconciliationId}/reread",
    operationId: "rereadReconciliation",
    tag: "imports",
    summary: "Read a belligerent's table again with another column mapping",
    description: "From the table's kept bytes, while none of its rows is decided (409 once one is): its rows, problems and proposals made afresh.",
    handler: rereadReconciliationEndpoint,
    body: { schema: rereadBody, name: "ReconciliationReading" },
    response: reconciliationResponse(200, "The table, read again"),
    errors: [...readErrors, ...bodyErrors, 409],
  },
  {
    method: "POST",
    path: "/reconciliation-rows/{rowId}/confirm",
    operationId: "confirmMatch",
    tag: "imports",
    summary: "Confirm that a row of their table is one of our allegations",
    description: "Records the belligerent's answer on the allegation as `POST /responses/{id}/answer` would (same rules, same trail); refused (409) when the allegation is not waiting on the belligerent.",
    handler: confirmMatchEndpoint,
    body: { schema: confirmMatchBody, name: "ConfirmMatch" },
    response: { status: 200, description: "The allegation the answer was recorded on", schema: matchConfirmedDto, name: "MatchConfirmed" },
    errors: [...readErrors, ...bodyErrors, 409],
  },
  {
    method: "POST",
    path: "/reconciliation-rows/{rowId}/no-match",
    operationId: "markNoMatch",
    tag: "imports",
    summary: "Say that none of our allegations is this row",
    handler: markNoMatchEndpoint,
    response: { status: 204, description: "Decided: the row is listed among the unmatched" },
    errors: [...readErrors, 400],
  },
];

export const apiRoutes: ApiRoute[] = [
  {
    method: "GET",
    path: "/me",
    operationId: "getMe",
    tag: "account",
    summary: "Who the token acts for",
    description: "The account behind the token, with its current role and what that role may do.",
    handler: getMe,
    response: { status: 200, description: "The account", schema: meDto, name: "Me" },
    errors: [],
  },
  {
    method: "GET",
    path: "/cases",
    operationId: "listCases",
    tag: "cases",
    summary: "List and search cases",
    description:
      "The case list's filters, as on the list page. `q` searches the reference, codes, title, narrative, places and victims' names, forgiving Arabic letter variants and diacritics. A parameter given several times (stage, belligerent, tag) matches any of its values. Unknown parameters and bad values are refused (422).",
    handler: listCasesEndpoint,
    query: caseListParams,
    response: { status: 200, description: "One page of matching cases and the total", schema: caseListDto, name: "CaseList" },
    errors: [403, 422],
  },
  {
    method: "POST",
    path: "/cases",
    operationId: "createCase",
    tag: "cases",
    summary: "File an allegation",
    description: "Validated as the filing form is; every field's problems come back at once. The case starts in submission with a new reference.",
    handler: createCaseEndpoint,
    body: { schema: caseCreateBody, name: "CaseCreate" },
    response: { status: 201, description: "The case as stored (Location names it)", schema: caseDto, name: "Case" },
    errors: [403, ...bodyErrors],
  },
  {
    method: "GET",
    path: "/cases/{caseId}",
    operationId: "getCase",
    tag: "cases",
    summary: "Read one case",
    description: "With its victims, sources, evidence files (metadata only) and comments.",
    handler: getCaseEndpoint,
    response: { status: 200, description: "The case", schema: caseDto, name: "Case" },
    errors: readErrors,
  },
  {
    method: "PATCH",
    path: "/cases/{caseId}",
    operationId: "updateCase",
    tag: "cases",
    summary: "Change a case",
    description:
      "Send the `version` you read; fields left out keep their values. If someone saved since, nothing is written and the answer is 409 naming who and when. Staff change only cases they filed, while in submission.",
    handler: updateCaseEndpoint,
    body: { schema: caseUpdateBody, name: "CaseUpdate" },
    response: { status: 200, description: "The case as stored", schema: caseDto, name: "Case" },
    errors: [...readErrors, 409, ...bodyErrors],
  },
  {
    method: "DELETE",
    path: "/cases/{caseId}",
    operationId: "deleteCase",
    tag: "cases",
    summary: "Withdraw a case",
    description: "Needs the `version` you read and a `reason`. The case leaves every list; it and its trail are kept and its reference is never reused.",
    handler: deleteCaseEndpoint,
    body: { schema: caseDeleteBody, name: "CaseDelete" },
    response: { status: 204, description: "Withdrawn" },
    errors: [...readErrors, 409, ...bodyErrors],
  },
  {
    method: "GET",
    path: "/cases/{caseId}/trail",
    operationId: "getCaseTrail",
    tag: "cases",
    summary: "The audit trail of a case",
    description: "Every change to the case and anything in it: who, when, what changed from what to what, and the reason. Newest first.",
    handler: caseTrailEndpoint,
    query: trailParams,
    response: { status: 200, description: "The events", schema: trailDto, name: "Trail" },
    errors: [...readErrors, 422],
  },
  ...lifecycleRoutes,
  ...itemRoutes("victims", "victim", victimEndpoints, {
    add: victimAddBody,
    change: victimChangeBody,
    dto: victimDto,
    names: { add: "VictimAdd", change: "VictimChange", dto: "Victim" },
  }),
  ...itemRoutes("sources", "source", sourceEndpoints, {
    add: sourceAddBody,
    change: sourceChangeBody,
    dto: sourceDto,
    names: { add: "SourceAdd", change: "SourceChange", dto: "Source" },
  }),
  ...itemRoutes("comments", "comment", commentEndpoints, {
    add: commentAddBody,
    change: commentChangeBody,
    dto: commentDto,
    names: { add: "CommentAdd", change: "CommentChange", dto: "Comment" },
  }),
  {
    method: "GET",
    path: "/summary",
    operationId: "getSummary",
    tag: "summaries",
    summary: "Accountability figures",
    description:
      "The figures of the summary page for the same filters (incident period `from`/`to`, `belligerent`, `country`, `governorate`, `stage`, `grading`; a parameter given several times matches any of its values). Managers only. Duplicates and withdrawn cases are never counted; docs/methodology.md defines every figure.",
    handler: summaryEndpoint,
    query: summaryParams,
    response: { status: 200, description: "The figures", schema: summaryDto, name: "Summary" },
    errors: [403, 422],
  },
  {
    method: "GET",
    path: "/summary/export",
    operationId: "exportSummary",
    tag: "summaries",
    summary: "Export the cases behind the figures",
    description:
      "`kind`: cases, victims, redress or sources (CSV, UTF-8), workbook (XLSX) or report (PDF); `audience`: public (no confidential identity of a victim or source, no internal text) or internal. Streamed, with the summary's filters. Managers only; every export is recorded in the audit trail.",
    handler: summaryExportEndpoint,
    query: summaryExportParams,
    response: { status: 200, description: "The file (text/csv, XLSX or PDF), as an attachment" },
    errors: [403, 422],
  },
  ...importRoutes,
  ...reconciliationRoutes,
];

/** The endpoint a route file serves; a route file naming one that is not in the table fails at once. */
export function routeFor(method: HttpMethod, path: string): ApiRoute {
  const route = apiRoutes.find((r) => r.method === method && r.path === path);
  if (!route) throw new Error(`No API route ${method} ${path}`);
  return route;
}
