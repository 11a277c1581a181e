import { getLocale } from "next-intl/server";
import { db } from "@/db/client";
import { getActor } from "@/lib/auth/current-actor";
import { failureResponse } from "@/lib/evidence/http";
import { evidenceRuntime } from "@/lib/evidence/runtime";
import { attachmentDisposition } from "@/lib/evidence/web";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { errorFileOf } from "@/lib/import/jobs";
import { readingFromQuery } from "@/lib/import/reading-query";

export const dynamic = "force-dynamic";

/** The rows with problems, as a CSV in the reader's language: read as the page's address says, or as the commit read them. */
export async function GET(request: Request, { params }: { params: Promise<{ importId: string }> }) {
  const { importId } = await params;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { store } = await evidenceRuntime();
  const result = await errorFileOf(db(), store, await getActor(), importId, readingFromQuery(query), translatorFor((await getLocale()) as Locale));
  if (!result.ok) return failureResponse(result);
  return new Response(result.value.csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": attachmentDisposition(result.value.fileName), "Cache-Control": "no-store" },
  });
}
