import type { APIRequestContext, Request } from "@playwright/test";

/**
 * Sends a captured server-action request again, as-is, with another session: what an attacker
 * holding a valid session of their own could post without the interface.
 */
export function replayServerAction(request: APIRequestContext, action: Request, baseURL: string | undefined) {
  return request.post(action.url(), {
    headers: {
      "next-action": action.headers()["next-action"],
      "next-router-state-tree": action.headers()["next-router-state-tree"],
      "content-type": action.headers()["content-type"],
      accept: "text/x-component",
      origin: new URL(baseURL ?? action.url()).origin,
    },
    data: action.postDataBuffer() ?? undefined,
  });
}
