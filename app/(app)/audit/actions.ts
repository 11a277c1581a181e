"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/db/client";
import { guardAction } from "@/lib/action";
import { runVerification } from "@/lib/audit/verify";
import { can } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/current-actor";
import type { FormState } from "@/lib/form-state";

/** Walks the whole chain now and records the outcome. */
export async function verifyChainAction(_prev: FormState): Promise<FormState> {
  return guardAction("audit.verify", async (): Promise<FormState> => {
    const actor = await getActor();
    if (!can(actor, "audit:read")) return { status: "error", error: actor ? "forbidden" : "signedOut" };
    const report = await runVerification(db(), actor);
    revalidatePath("/audit");
    return report.ok
      ? { status: "ok", message: "chainVerified", params: { events: String(report.events) } }
      : { status: "error", error: "chainBroken", params: { id: String(report.brokenId) } };
  });
}
