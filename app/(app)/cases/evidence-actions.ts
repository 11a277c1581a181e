"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/db/client";
import { guardAction } from "@/lib/action";
import { getActor } from "@/lib/auth/current-actor";
import { removeEvidence } from "@/lib/evidence/commands";
import { stateFrom, type FormState } from "@/lib/form-state";

// Thin: removeEvidence authorises, validates and audits. Uploads go to the streaming route
// (app/api/cases/[caseId]/evidence), since a server action would hold the whole file in memory.
export async function removeEvidenceAction(caseId: string, evidenceId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const reason = formData.get("reason");
  return guardAction("evidence.remove", async () => {
    const result = await removeEvidence(db(), await getActor(), evidenceId, typeof reason === "string" ? reason : null);
    if (result.ok) revalidatePath(`/cases/${caseId}`);
    return stateFrom(result, { message: "removed" }, result.ok ? undefined : { reason: typeof reason === "string" ? reason : "" });
  });
}
