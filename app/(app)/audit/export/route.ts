import { db } from "@/db/client";
import { exportFormats, startExport, type ExportFormat } from "@/lib/audit/export";
import { filtersOf, parseAuditQuery } from "@/lib/audit/filters";
import { can } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/current-actor";

export const dynamic = "force-dynamic";

const mediaTypes: Record<ExportFormat, string> = { csv: "text/csv; charset=utf-8", jsonl: "application/jsonl; charset=utf-8" };

/** GET /audit/export?format=csv|jsonl&actor=…&case=…&action=…&from=…&to=…: the filtered events, streamed, oldest first. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "signedOut" }, { status: 401 });
  if (!can(actor, "audit:read")) return Response.json({ error: "forbidden" }, { status: 403 });
  const url = new URL(request.url);
  const format = url.searchParams.get("format") as ExportFormat;
  if (!exportFormats.includes(format)) return Response.json({ error: "invalidInput", fieldErrors: { format: ["invalid"] } }, { status: 422 });
  const filters = filtersOf(parseAuditQuery(Object.fromEntries(url.searchParams)));
  const lines = await startExport(db(), actor, filters, format);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
  return new Response(body, {
    headers: {
      "Content-Type": mediaTypes[format],
      "Content-Disposition": `attachment; filename="audit-trail-${stamp}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
