import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DatabaseHandle } from "@/db/client";
import { FilesystemEvidenceStore, type EvidenceStore } from "@/lib/evidence/store";
import { runApi } from "@/lib/api/handler";
import { routeFor, type HttpMethod } from "@/lib/api/routes";

export type Json = Record<string, unknown>;

/** The least a case needs to be filed through the API, with what a test wants changed. */
export const minimalCaseBody = (overrides: Json = {}): Json => ({
  title: "Airstrike on a building",
  incidentDateFrom: "2017-09-25",
  datePrecision: "day",
  country: "SY",
  governoratePcode: "SY11",
  belligerents: ["coalition"],
  means: ["airstrike"],
  killedMin: 3,
  killedMax: 5,
  ...overrides,
});
type Call = {
  token?: string | null;
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  /** A body sent as is (not JSON-encoded). */
  raw?: string | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
};

let sharedStore: FilesystemEvidenceStore | null = null;
/** An evidence store in a folder of its own, for the tests of this process (imports keep their files there). */
export function testEvidenceStore(): FilesystemEvidenceStore {
  sharedStore ??= new FilesystemEvidenceStore(mkdtempSync(path.join(tmpdir(), "civharm-api-store-")));
  return sharedStore;
}

/** A real Request through the real handler and a real database; only Next's routing is left out. */
export function apiCaller(handle: () => DatabaseHandle, store: () => EvidenceStore = testEvidenceStore) {
  return async function call(method: HttpMethod, routePath: string, options: Call = {}) {
    const route = routeFor(method, routePath);
    const params = options.params ?? {};
    const path = routePath.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
    const headers = new Headers(options.headers);
    if (options.token) headers.set("authorization", `Bearer ${options.token}`);
    let body: BodyInit | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
    }
    const init: RequestInit & { duplex?: "half" } = { method, headers, body };
    if (body instanceof ReadableStream) init.duplex = "half";
    const request = new Request(`http://localhost/api/v1${path}${options.query ? `?${options.query}` : ""}`, init);
    const response = await runApi(handle().db, route, request, params, { store: async () => store() });
    const text = await response.text();
    const isJson = response.headers.get("content-type")?.startsWith("application/json") ?? false;
    const json: Json = text && isJson ? JSON.parse(text) : {};
    return { status: response.status, headers: response.headers, json, text };
  };
}
