import { db } from "@/db/client";
import { getActor } from "@/lib/auth/current-actor";
import { addEvidence } from "@/lib/evidence/commands";
import { failureResponse } from "@/lib/evidence/http";
import { chunksOf, isSameOrigin } from "@/lib/evidence/web";
import { evidenceRuntime } from "@/lib/evidence/runtime";
import { fail } from "@/lib/result";

export const dynamic = "force-dynamic";

/**
 * Upload one evidence file: the raw bytes as the body (not multipart), the file's name in
 * X-File-Name and an optional description in X-Description, both percent-encoded UTF-8.
 * Streams to the store; answers 201 with the record, or a JSON refusal (4xx) and keeps nothing.
 */
export async function POST(request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  if (!isSameOrigin(request)) return failureResponse(fail("crossSite"));
  const { caseId } = await params;
  const fileName = decodeHeader(request.headers.get("x-file-name"));
  const description = decodeHeader(request.headers.get("x-description"));
  if (fileName === undefined || description === undefined) {
    return failureResponse(fail("invalidInput", { [fileName === undefined ? "fileName" : "description"]: ["invalid"] }));
  }
  const length = request.headers.get("content-length");
  const declaredSize = length && /^\d+$/.test(length) ? Number(length) : null;
  const { store, maxBytes } = await evidenceRuntime();
  const reader = request.body?.getReader();
  const result = await addEvidence(
    db(),
    store,
    await getActor(),
    caseId,
    { fileName: fileName ?? "", description, declaredSize, stream: chunksOf(reader) },
    { maxBytes },
  );
  if (result.ok) return Response.json(result.value, { status: 201, headers: { "Cache-Control": "no-store" } });
  await drain(reader, contentRefusals.has(result.error) && declaredSize !== null && declaredSize <= maxBytes);
  return failureResponse(result);
}

/** Refusals of what the file is, once its first bytes were read: the uploader may be told calmly. */
const contentRefusals = new Set(["evidenceDisguised", "evidenceTypeNotAllowed", "evidenceUnrecognised", "evidenceNotText"]);

/** A percent-encoded header; null when absent, undefined when it cannot be decoded. */
function decodeHeader(value: string | null): string | null | undefined {
  if (value === null) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/**
 * After a refusal, reads what is left of a body of a size we accept anyway, so the browser (still
 * sending) receives the answer instead of a reset connection; anything else is cut off.
 */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array> | undefined, readRest: boolean): Promise<void> {
  if (!reader) return;
  try {
    if (readRest) for (let step = await reader.read(); !step.done; step = await reader.read());
    else await reader.cancel();
  } catch {
    // The client went away: nothing to answer.
  }
}
