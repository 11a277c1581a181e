import { db } from "@/db/client";
import { getActor } from "@/lib/auth/current-actor";
import { failureResponse } from "@/lib/evidence/http";
import { attachmentDisposition, webStreamOf } from "@/lib/evidence/web";
import { describeEvidence, openEvidence, type EvidenceRecord } from "@/lib/evidence/queries";
import { evidenceRuntime } from "@/lib/evidence/runtime";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ caseId: string; evidenceId: string }> };

/** Download one evidence file, as an attachment, for anyone who may read its case. */
export async function GET(_request: Request, { params }: Params) {
  const { caseId, evidenceId } = await params;
  const { store } = await evidenceRuntime();
  const result = await openEvidence(db(), store, await getActor(), caseId, evidenceId);
  if (!result.ok) return failureResponse(result);
  return new Response(webStreamOf(result.value.stream), { headers: downloadHeaders(result.value) });
}

/**
 * The download's headers alone. Without this, Next.js answers HEAD by running GET: the file would
 * be opened (and held open, its body never read) and the trail would record a download that sent nothing.
 */
export async function HEAD(_request: Request, { params }: Params) {
  const { caseId, evidenceId } = await params;
  const result = await describeEvidence(db(), await getActor(), caseId, evidenceId);
  if (!result.ok) return failureResponse(result);
  return new Response(null, { headers: downloadHeaders(result.value) });
}

function downloadHeaders(file: EvidenceRecord): HeadersInit {
  return {
    "Content-Type": file.mediaType,
    "Content-Length": String(file.sizeBytes),
    "Content-Disposition": attachmentDisposition(file.fileName),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    // RFC 9530: the digest of the whole file, for anyone checking what they received.
    "Repr-Digest": `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`,
  };
}
