import { db } from "@/db/client";
import { getActor } from "@/lib/auth/current-actor";
import { failureResponse } from "@/lib/evidence/http";
import { evidenceRuntime } from "@/lib/evidence/runtime";
import { isSameOrigin } from "@/lib/evidence/web";
import { uploadOf } from "@/lib/import/received-file";
import { uploadVictimsFile } from "@/lib/import/victims-file";
import { fail } from "@/lib/result";

export const dynamic = "force-dynamic";

/** The import page's upload of a victims file for an import not yet started: as the first file's upload. */
export async function POST(request: Request, { params }: { params: Promise<{ importId: string }> }) {
  if (!isSameOrigin(request)) return failureResponse(fail("crossSite"));
  const upload = uploadOf(request);
  if (!upload) return failureResponse(fail("invalidInput", { fileName: ["invalid"] }));
  const { store } = await evidenceRuntime();
  const result = await uploadVictimsFile(db(), store, await getActor(), (await params).importId, upload);
  if (!result.ok) return failureResponse(result);
  return Response.json({ id: result.value.importId }, { status: 201, headers: { "Cache-Control": "no-store" } });
}
