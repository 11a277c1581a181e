import { z } from "zod";
import { IMPORT_MAX_BYTES } from "@/lib/import/jobs";
import { caseSummaryDto, commentDto, evidenceDto, sourceDto, trailEventDto, victimDto } from "./dto";
import { apiErrorDto, errorBody } from "./errors";
import { MAX_BODY_BYTES } from "./http";
import { apiRoutes, type ApiRoute } from "./routes";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the route table and the same zod schemas the
 * commands validate with (request bodies, in their "input" form) and the DTO schemas the responses
 * are cut from. Nothing here restates a field.
 */

type JsonSchema = Record<string, unknown>;
export type OpenApiDocument = {
  openapi: "3.1.0";
  info: Record<string, unknown>;
  servers: { url: string }[];
  security: Record<string, string[]>[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/**
 * In a request body a field is required only if leaving it out is an error: the form schemas fill
 * many from "not given" (empty lists, null, false), which zod's own export cannot tell.
 */
function requiredFromBehaviour(ctx: { zodSchema: unknown; jsonSchema: JsonSchema }) {
  if (!(ctx.zodSchema instanceof z.ZodObject)) return;
  const shape = ctx.zodSchema.shape as Record<string, z.ZodType>;
  const required = Object.keys(shape).filter((key) => !shape[key].safeParse(undefined).success);
  if (required.length) ctx.jsonSchema.required = required;
  else delete ctx.jsonSchema.required;
}

function componentSchemas(entries: [string, z.ZodType][], io: "input" | "output"): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  const seen = new Map<string, z.ZodType>();
  for (const [name, schema] of entries) {
    const earlier = seen.get(name);
    if (earlier && earlier !== schema) throw new Error(`Two schemas named ${name}`);
    if (!earlier) registry.add(schema, { id: name });
    seen.set(name, schema);
  }
  const { schemas } = z.toJSONSchema(registry, {
    io,
    target: "draft-2020-12",
    unrepresentable: "throw",
    uri: (id) => `#/components/schemas/${id}`,
    override: io === "input" ? requiredFromBehaviour : undefined,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as JsonSchema;
      return [name, rest];
    }),
  );
}

function queryParameters(schema: z.ZodObject) {
  const json = z.toJSONSchema(schema, { io: "output", unrepresentable: "throw" }) as { properties?: Record<string, JsonSchema> };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { default: fallback, ...rest } = property;
    const isList = rest.type === "array";
    return {
      name,
      in: "query",
      required: false,
      schema: fallback === undefined ? rest : { ...rest, default: fallback },
      ...(isList ? { style: "form", explode: true } : {}),
    };
  });
}

const errorResponses: Record<number, { name: string; description: string; example: unknown }> = {
  400: { name: "BadRequest", description: "The body is not a JSON object", example: errorBody({ error: "invalidJson" }) },
  401: {
    name: "Unauthorized",
    description: "No token, or one that is unknown, revoked or expired, or whose account is disabled",
    example: errorBody({ error: "invalidToken" }),
  },
  403: { name: "Forbidden", description: "The account's role does not allow this", example: errorBody({ error: "forbidden" }) },
  404: { name: "NotFound", description: "No such record (or it was withdrawn)", example: errorBody({ error: "notFound" }) },
  409: {
    name: "Conflict",
    description: "Someone saved a newer version since the one sent, or the record is not where the request needs it (its stage, an import already started); nothing was written",
    example: errorBody({ error: "staleVersion", params: { name: "Karim", at: "2025-03-01T10:15:00.000Z", version: "3" } }),
  },
  413: {
    name: "PayloadTooLarge",
    description: `The body is larger than ${MAX_BODY_BYTES} bytes (an uploaded import: than ${IMPORT_MAX_BYTES / 1024 / 1024} MB)`,
    example: errorBody({ error: "bodyTooLarge", params: { max: String(MAX_BODY_BYTES) } }),
  },
  415: { name: "UnsupportedMediaType", description: "The body is not application/json", example: errorBody({ error: "unsupportedMediaType" }) },
  422: {
    name: "InvalidInput",
    description: "Some fields (or query parameters) are not valid; each one's problems are listed",
    example: errorBody({ error: "invalidInput", fieldErrors: { title: ["required"], killedMax: ["minAboveMax"] } }),
  },
  500: { name: "ServerError", description: "Something failed on the server; nothing was half-written", example: errorBody({ error: "unexpected" }) },
};

const fileNameHeader = {
  name: "X-File-Name",
  in: "header",
  required: true,
  description: "The file's name, percent-encoded UTF-8",
  schema: { type: "string" },
};

function operation(route: ApiRoute) {
  const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "string", format: "uuid" },
  }));
  const responses: Record<string, unknown> = {
    [route.response.status]: {
      description: route.response.description,
      ...(route.response.name ? { content: { "application/json": { schema: ref(route.response.name) } } } : {}),
      ...(route.response.status === 201 ? { headers: { Location: { description: "The new record's address", schema: { type: "string" } } } } : {}),
    },
  };
  for (const status of [401, ...route.errors, 500].sort((a, b) => a - b)) {
    responses[status] = { $ref: `#/components/responses/${errorResponses[status].name}` };
  }
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    parameters: [...pathParams, ...(route.query ? queryParameters(route.query) : []), ...(route.upload ? [fileNameHeader] : [])],
    ...(route.body
      ? { requestBody: { required: !route.body.optional, content: { "application/json": { schema: ref(route.body.name) } } } }
      : {}),
    ...(route.upload
      ? {
          requestBody: {
            required: true,
            description: route.upload.description,
            content: { "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } } },
          },
        }
      : {}),
    responses,
  };
}

function build(): OpenApiDocument {
  const inputs: [string, z.ZodType][] = apiRoutes.flatMap((r) => (r.body ? [[r.body.name, r.body.schema] as [string, z.ZodType]] : []));
  const outputs: [string, z.ZodType][] = [
    ["Error", apiErrorDto],
    ["Victim", victimDto],
    ["Source", sourceDto],
    ["Comment", commentDto],
    ["Evidence", evidenceDto],
    ["CaseSummary", caseSummaryDto],
    ["TrailEvent", trailEventDto],
    ...apiRoutes.flatMap((r) => (r.response.name && r.response.schema ? [[r.response.name, r.response.schema] as [string, z.ZodType]] : [])),
  ];
  const paths: OpenApiDocument["paths"] = {};
  for (const route of apiRoutes) (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
  paths["/openapi.json"] = {
    get: {
      operationId: "getOpenApiDocument",
      tags: ["meta"],
      summary: "This document",
      security: [],
      responses: { 200: { description: "The OpenAPI 3.1 document", content: { "application/json": { schema: { type: "object" } } } } },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Civilian Harm Tracker API",
      version: "1.0.0",
      description:
        "Allegations of civilian harm, for integrations and scripts. Authenticate with a personal API token, made on your account page " +
        "and shown once, as `Authorization: Bearer cht_…`. A token acts as its owner with their current role: the same permissions and " +
        "validation as the web interface, and every change is in the case's audit trail. Errors are JSON: `error` (a code), `message` " +
        "(English) and, for invalid input, `fieldErrors` with every field's problems.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerAuth: [] }],
    tags: [
      { name: "account", description: "The token's account" },
      { name: "cases", description: "Allegations and their audit trail" },
      { name: "lifecycle", description: "Stage moves, assessments, the belligerent's responses, redress, duplicates and assignment" },
      { name: "victims", description: "Victims of an allegation" },
      { name: "imports", description: "Allegations brought in from spreadsheets and other monitors' exports: upload, preview, commit, undo" },
      { name: "sources", description: "Sources of an allegation" },
      { name: "comments", description: "Internal comments on an allegation" },
      { name: "summaries", description: "Accountability figures and their exports (managers)" },
      { name: "meta", description: "About the API" },
    ],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "cht_ followed by 43 base64url characters", description: "A personal API token" },
      },
      schemas: { ...componentSchemas(outputs, "output"), ...componentSchemas(inputs, "input") },
      responses: Object.fromEntries(
        Object.values(errorResponses).map(({ name, description, example }) => [
          name,
          { description, content: { "application/json": { schema: ref("Error"), example } } },
        ]),
      ),
    },
  };
}

let cached: OpenApiDocument | undefined;

/** The document; built once per process (it depends on code only). */
export function openApiDocument(): OpenApiDocument {
  cached ??= build();
  return cached;
}
