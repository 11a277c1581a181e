import type { APIRequestContext } from "@playwright/test";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * Calls a server action over HTTP as the browser would, without the page: its id from the build's
 * manifest, its arguments encoded by the same React encoder the browser uses. What anyone holding
 * a session (or none) can send, whatever the interface offers them.
 */
type Manifest = { node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }> };
type Encoder = { encodeReply(value: unknown[]): Promise<string | FormData> };

const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as Encoder;

export type ServerAction = { id: string; path: string };

/** Every server action of the build, by "file#exportedName", with a page it can be posted to. */
export function serverActionsOfBuild(): Map<string, ServerAction> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as Manifest;
  const out = new Map<string, ServerAction>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const page = Object.keys(entry.workers).find((w) => !w.includes("[")) ?? Object.keys(entry.workers)[0];
    const path = "/" + page.replace(/^app\//, "").replace(/\/?page$/, "").split("/").filter((part) => !/^\(.*\)$/.test(part)).join("/");
    out.set(`${entry.filename}#${entry.exportedName}`, { id, path });
  }
  return out;
}

/** How the server answered, as far as authorisation goes. */
export type ActionAnswer = "signedOut" | "forbidden" | "answered" | `status ${number}`;

export async function callServerAction(
  request: APIRequestContext,
  action: ServerAction,
  args: unknown[],
  origin: string,
  inspect?: (payload: string) => void,
): Promise<ActionAnswer> {
  const body = await encodeReply(args);
  const headers = { "next-action": action.id, accept: "text/x-component", origin };
  const response =
    typeof body === "string"
      ? await request.post(action.path, { headers: { ...headers, "content-type": "text/plain;charset=UTF-8" }, data: body, maxRedirects: 0 })
      : await request.post(action.path, { headers, multipart: Object.fromEntries([...body.entries()].map(([k, v]) => [k, String(v)])), maxRedirects: 0 });
  const text = await response.text();
  inspect?.(text);
  if (response.status() !== 200) return `status ${response.status()}`;
  if (text.includes('"error":"signedOut"')) return "signedOut";
  if (text.includes('"error":"forbidden"')) return "forbidden";
  return "answered";
}

/** The form data a form would post, empty unless given. */
export function formOf(fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}
