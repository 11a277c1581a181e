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
import { caseDto, caseListDto, commentDto, meDto, sourceDto, trailDto, victimDto } from "./dto";
import type { ApiHandler } from "./handler";
import { commentEndpoints, sourceEndpoints, victimEndpoints } from "./items";
import {
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
  tag: "account" | "cases" | "victims" | "sources" | "comments";
  summary: string;
  description?: string;
  handler: ApiHandler;
  query?: z.ZodObject;
  body?: { schema: z.ZodType; name: string; optional?: boolean };
  response: { status: 200 | 201 | 204; description: string; schema?: z.ZodType; name?: string };
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

/** Every endpoint of /api/v1 except the OpenAPI document itself (which needs no token). */
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
];

/** The endpoint a route file serves; a route file naming one that is not in the table fails at once. */
export function routeFor(method: HttpMethod, path: string): ApiRoute {
  const route = apiRoutes.find((r) => r.method === method && r.path === path);
  if (!route) throw new Error(`No API route ${method} ${path}`);
  return route;
}
