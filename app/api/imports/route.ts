import { db } from "@/db/client";
import { getActor } from "@/lib/auth/current-actor";
import { failureResponse } from "@/lib/evidence/http";
import { evidenceRuntime } from "@/lib/evidence/runtime";
import { isSameOrigin } from "@/lib/evidence/web";
import { uploadImport } from "@/lib/import/jobs";
import { uploadOf } from "@/lib/import/received-file";
import { fail } from "@/lib/result";

export const dynamic = "force-dynamic";

/**
 * The import page's upload: the file's bytes as the body, its name in X-File-Name (percent-encoded
 * UTF-8). Answers 201 with the import's id, or a JSON refusal in the reader's language, keeping nothing.
 */
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return failureResponse(fail("crossSite"));
  const upload = uploadOf(request);
  if (!upload) return failureResponse(fail("invalidInput", { fileName: ["invalid"] }));
  const { store } = await evidenceRuntime();
  const result = await uploadImport(db(), store, await getActor(), upload);
  if (!result.ok) return failureResponse(result);
  return Response.json({ id: result.value.importId }, { status: 201, headers: { "Cache-Control": "no-store" } });
}
