import type { z } from "zod";
import type { Db } from "@/db/client";
import { authorizeAny, ForbiddenError, type Actor } from "@/lib/auth/actor";
import { entryRule } from "@/lib/auth/entry-points";
import { authenticateToken, bearerToken } from "@/lib/tokens/tokens";
import { ApiError } from "./errors";
import { failureResponse, readJsonObject, rejectUnknownFields } from "./http";
import { fieldsOf, rejectUnstorableText } from "./schemas";
import type { EvidenceStore } from "@/lib/evidence/store";
import { logFault } from "@/lib/fault-log";

/** One API request, authenticated: the actor is re-read from the database through the token. */
export type ApiRequest = {
  db: Db;
  request: Request;
  url: URL;
  params: Record<string, string>;
  actor: Actor;
  /** Days a case may wait on the belligerent's answer before it is overdue (the app's configuration). */
  overdueDays: number;
  /** The evidence store, opened when an endpoint needs it (imports keep their files there). */
  store: () => Promise<EvidenceStore>;
};

export type ApiHandler = (req: ApiRequest) => Promise<Response>;

/** What runApi needs of a route: its handler, and its method and path to find its rule among the entry points. */
export type RunnableRoute = { method: string; path: string; handler: ApiHandler };

/**
 * Runs one endpoint: authenticates the Bearer token (only a token: a browser session cookie is not
 * accepted here, so no page on another site can ride on it), refuses a caller whose role has none
 * of the route's permissions (lib/auth/entry-points.ts) before its input is read, then the handler; every refusal is
 * JSON with a message, and anything unexpected is logged and answered with a plain 500.
 * Route files pass the app's database; tests pass theirs.
 */
export async function runApi(
  db: Db,
  route: RunnableRoute,
  request: Request,
  params: Record<string, string> = {},
  { overdueDays = 90, store = noStore }: { overdueDays?: number; store?: () => Promise<EvidenceStore> } = {},
): Promise<Response> {
  const url = new URL(request.url);
  try {
    const actor = await authenticateToken(db, bearerToken(request.headers.get("authorization")));
    if (!actor) return failureResponse({ error: "invalidToken" });
    const rule = entryRule("api", `${route.method} ${route.path}`);
    if (typeof rule !== "string") authorizeAny(actor, rule);
    return await route.handler({ db, request, url, params, actor, overdueDays, store });
  } catch (err) {
    if (err instanceof ApiError) return failureResponse(err.failure, err.status);
    if (err instanceof ForbiddenError) return failureResponse({ error: err.permission === "signed-in" ? "signedOut" : "forbidden" });
    logFault(`api ${request.method} ${url.pathname}`, err);
    return failureResponse({ error: "unexpected" }, 500);
  }
}

const noStore = () => Promise.reject(new Error("no evidence store was given to runApi"));

/** The JSON body, refused unless every field is one `schema` knows and no text is one PostgreSQL cannot store. */
export async function readBody(request: Request, schema: z.ZodType, options?: { optional?: boolean }): Promise<Record<string, unknown>> {
  const body = await readJsonObject(request, options);
  rejectUnknownFields(body, fieldsOf(schema));
  rejectUnstorableText(body);
  return body;
}

