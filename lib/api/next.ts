import "server-only";
import { db } from "@/db/client";
import { getConfig } from "@/lib/config";
import { evidenceRuntime } from "@/lib/evidence/runtime";
import { runApi } from "./handler";
import { routeFor, type HttpMethod } from "./routes";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/**
 * A route file's export: `export const GET = apiRoute("GET", "/cases/{caseId}")`. The handler and its
 * documentation come from the route table (lib/api/routes.ts); the database is the app's.
 */
export function apiRoute(method: HttpMethod, path: string) {
  const route = routeFor(method, path);
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const raw = (await context.params) ?? {};
    const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : (v ?? "")]));
    return runApi(db(), route, request, params, { overdueDays: getConfig().overdueDays, store: async () => (await evidenceRuntime()).store });
  };
}
