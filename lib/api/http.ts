import { ApiError, errorBody, statusOf } from "./errors";
import type { Failure } from "@/lib/result";

/** Bodies larger than this are refused unread (the longest field, a narrative, is 20,000 characters). */
export const MAX_BODY_BYTES = 256 * 1024;

const noStore = { "Cache-Control": "no-store" };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...noStore, ...headers } });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: noStore });
}

export function failureResponse(failure: Pick<Failure, "error" | "fieldErrors" | "params">, status = statusOf(failure.error)): Response {
  const headers: Record<string, string> = {};
  if (status === 401) headers["WWW-Authenticate"] = 'Bearer realm="api", error="invalid_token"';
  return json(errorBody(failure), status, headers);
}

/**
 * The request's JSON body as an object. Refuses a body that is not JSON (415 when it says it is
 * something else, 400 when it does not parse or is not an object) and one over MAX_BODY_BYTES (413),
 * without reading more than that. With `optional`, an empty body is an empty object.
 */
export async function readJsonObject(request: Request, { optional = false } = {}): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type");
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > MAX_BODY_BYTES) throw new ApiError({ error: "bodyTooLarge", params: { max: String(MAX_BODY_BYTES) } });
  if (type && !/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) throw new ApiError({ error: "unsupportedMediaType" });
  const text = await readCapped(request);
  if (text.trim() === "") {
    if (optional) return {};
    throw new ApiError({ error: "invalidJson" });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ApiError({ error: "invalidJson" });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new ApiError({ error: "invalidJson" });
  return parsed as Record<string, unknown>;
}

async function readCapped(request: Request): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new ApiError({ error: "bodyTooLarge", params: { max: String(MAX_BODY_BYTES) } });
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError({ error: "invalidJson" });
  }
}

/** Refuses fields the endpoint does not know, each named, rather than silently ignoring a misspelt one. */
export function rejectUnknownFields(body: Record<string, unknown>, allowed: readonly string[]): void {
  // Built with fromEntries: a field called "__proto__" must be reported, not assigned as a prototype.
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length) throw new ApiError({ error: "invalidInput", fieldErrors: Object.fromEntries(unknown.map((key) => [key, ["unknownField"]])) });
}
