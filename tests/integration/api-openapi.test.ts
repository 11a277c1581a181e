import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET as getDocument } from "@/app/api/v1/openapi.json/route";
import { openApiDocument } from "@/lib/api/openapi";
import { apiRoutes } from "@/lib/api/routes";
import { caseFields } from "@/lib/cases/schemas";
import { belligerents } from "@/lib/cases/vocabulary";

type Node = { [key: string]: unknown };
const apiDir = path.join(process.cwd(), "app", "api", "v1");

/** Every route file under app/api/v1 as (OpenAPI path, method) pairs, read from the files themselves. */
function servedRoutes(): { path: string; method: string }[] {
  const out: { path: string; method: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const routePath = `/${path.relative(apiDir, dir).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
        const source = readFileSync(full, "utf8");
        for (const m of source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) out.push({ path: routePath, method: m[1] });
      }
    }
  };
  walk(apiDir);
  return out;
}

function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, out));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") out.push(value);
      else refsIn(value, out);
    }
  }
  return out;
}

function resolve(doc: Node, ref: string): unknown {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Node)[part] : undefined), doc);
}

describe("the OpenAPI document", () => {
  const doc = openApiDocument() as unknown as Node;
  const paths = doc.paths as Record<string, Record<string, Node>>;
  const components = doc.components as { schemas: Record<string, Node>; securitySchemes: Node };

  it("is served as JSON, OpenAPI 3.1.0, without a token", async () => {
    const res = getDocument();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const served = JSON.parse(await res.text());
    expect(served.openapi).toBe("3.1.0");
    expect(served).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(paths["/openapi.json"].get.security).toEqual([]);
  });

  it("documents every route file's methods, and nothing that no route file serves", () => {
    const served = servedRoutes();
    expect(served.length).toBeGreaterThanOrEqual(apiRoutes.length + 1);
    for (const { path: p, method } of served) expect(paths[p]?.[method.toLowerCase()], `${method} ${p}`).toBeDefined();
    const documented = Object.entries(paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(documented.sort()).toEqual(served.map((r) => `${r.method} ${r.path}`).sort());
    for (const route of apiRoutes) expect(served).toContainEqual({ path: route.path, method: route.method });
  });

  it("requires a bearer token everywhere else, and answers 401 and 500 with the error shape", () => {
    expect(components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    for (const route of apiRoutes) {
      const op = paths[route.path][route.method.toLowerCase()] as { responses: Record<string, Node>; operationId: string };
      expect(op.responses["401"], op.operationId).toEqual({ $ref: "#/components/responses/Unauthorized" });
      expect(op.responses["500"], op.operationId).toBeDefined();
      if (route.body) expect(op.responses["422"], op.operationId).toBeDefined();
    }
    expect(Object.keys(paths["/cases/{caseId}"].patch.responses as Node)).toContain("409");
    expect(components.schemas.Error).toMatchObject({ properties: { error: { type: "string" }, message: { type: "string" } }, required: ["error", "message"] });
  });

  it("resolves every reference, and names each operation once", () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(resolve(doc, ref), ref).toBeDefined();
    const ids = Object.values(paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("describes request bodies from the forms' schemas, with the fields a client must send", () => {
    const create = components.schemas.CaseCreate as { properties: Record<string, Node>; required: string[] };
    expect(Object.keys(create.properties).sort()).toEqual(Object.keys(caseFields.shape).sort());
    expect(create.required.sort()).toEqual(["belligerents", "country", "datePrecision", "governoratePcode", "incidentDateFrom", "means", "title"]);
    expect(create.properties.belligerents).toMatchObject({ type: "array", items: { enum: [...belligerents] } });
    expect(create.properties.title).toMatchObject({ type: "string", maxLength: 200 });
    const update = components.schemas.CaseUpdate as { properties: Node; required: string[] };
    expect(update.required).toEqual(["version"]);
    expect(Object.keys(update.properties)).toEqual(expect.arrayContaining(["version", "reason", "title"]));
    expect((components.schemas.VictimAdd as { required: string[] }).required).toEqual(["outcome"]);
    expect(components.schemas.VictimChange).not.toHaveProperty("required");
    const listParams = (paths["/cases"].get.parameters as { name: string }[]).map((p) => p.name);
    expect((components.schemas.Assessment as { required: string[] }).required.sort()).toEqual(["grading", "method", "reasoning"]);
    expect((components.schemas.RedressItem as { required: string[] }).required.sort()).toEqual(["requestedOn", "type"]);
    expect(Object.keys((paths["/cases/{caseId}/moves"].post as { responses: object }).responses)).toEqual(expect.arrayContaining(["200", "409", "422"]));
    expect(listParams.sort()).toEqual(["assignee", "belligerent", "country", "dir", "from", "governorate", "grading", "mine", "overdue", "page", "q", "size", "sort", "stage", "tag", "to"]);
  });

  it("describes responses without internal columns", () => {
    const caseSchema = components.schemas.Case as { properties: Node };
    expect(Object.keys(caseSchema.properties)).toEqual(expect.arrayContaining(["id", "reference", "version", "stage", "victims", "sources", "comments", "evidence"]));
    expect(caseSchema.properties).not.toHaveProperty("searchText");
    expect(caseSchema.properties).not.toHaveProperty("deletedAt");
    expect((components.schemas.Evidence as { properties: Node }).properties).not.toHaveProperty("storageKey");
    expect(caseSchema.properties.victims).toEqual({ type: "array", items: { $ref: "#/components/schemas/Victim" } });
  });
});
