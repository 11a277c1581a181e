import type { Instrumentation } from "next";

export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { boot } = await import("./lib/boot");
    await boot();
  }
}

/**
 * A page or route that fails is logged here, redacted (lib/fault-log.ts): scripts/serve.mjs starts
 * Next.js quiet, which would otherwise print the error's message, and a failed statement's message
 * carries its parameters. The route's pattern is named, never the request's path or query.
 */
export const onRequestError: Instrumentation.onRequestError = async (err, _request, context) => {
  const { logFault } = await import("./lib/fault-log");
  logFault(`${context.routeType} ${context.routePath}`, err);
};
