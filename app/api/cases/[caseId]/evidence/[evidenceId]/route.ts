import { db } from "@/db/client";
import { getActor } from "@/lib/auth/current-actor";
import { failureResponse } from "@/lib/evidence/http";
import { attachmentDisposition, webStreamOf } from "@/lib/evidence/web";
import { openEvidence } from "@/lib/evidence/queries";
import { evidenceRuntime } from "@/lib/evidence/runtime";

export const dynamic = "force-dynamic";

/** Download one evidence file, as an attachment, for anyone who may read its case. */
export async function GET(_request: Request, { params }: { params: Promise<{ caseId: string; evidenceId: string }> }) {
  const { caseId, evidenceId } = await params;
  const { store } = await evidenceRuntime();
  const result = await openEvidence(db(), store, await getActor(), caseId, evidenceId);
  if (!result.ok) return failureResponse(result);
  const file = result.value;
  return new Response(webStreamOf(file.stream), {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(file.sizeBytes),
      "Content-Disposition": attachmentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      // RFC 9530: the digest of the whole file, for anyone checking what they received.
      "Repr-Digest": `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`,
    },
  });
}
