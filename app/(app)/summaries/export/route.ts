import { getLocale } from "next-intl/server";
import { db } from "@/db/client";
import { can } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/current-actor";
import type { Locale } from "@/lib/i18n/locales";
import { startSummaryExport } from "@/lib/summaries/export";
import { exportChoice, exportResponse } from "@/lib/summaries/export-response";
import { parseSummaryFilter } from "@/lib/summaries/filters";

export const dynamic = "force-dynamic";

/** GET /summaries/export?kind=…&audience=public|internal&<the page's filters>: the file, streamed. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "signedOut" }, { status: 401 });
  if (!can(actor, "summary:export")) return Response.json({ error: "forbidden" }, { status: 403 });
  const params = new URL(request.url).searchParams;
  const choice = exportChoice.safeParse({ kind: params.get("kind"), audience: params.get("audience") });
  if (!choice.success) return Response.json({ error: "invalidInput", fieldErrors: Object.fromEntries(choice.error.issues.map((i) => [String(i.path[0]), ["invalid"]])) }, { status: 422 });
  if (choice.data.audience === "internal" && !can(actor, "summary:export-internal")) return Response.json({ error: "forbidden" }, { status: 403 });
  const filter = parseSummaryFilter(Object.fromEntries([...new Set(params.keys())].map((k) => [k, params.getAll(k)])));
  const file = await startSummaryExport(db(), actor, { ...choice.data, filter }, (await getLocale()) as Locale);
  return exportResponse(file, params.get("token"));
}
