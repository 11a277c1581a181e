"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/db/client";
import { guardAction } from "@/lib/action";
import { getActor } from "@/lib/auth/current-actor";
import { isUuid } from "@/lib/ids";
import { createCase, updateCase } from "@/lib/cases/commands";
import { possibleDuplicates } from "@/lib/cases/queries";
import { formDataToObject } from "@/lib/form-data";
import { stateFrom, type FormState } from "@/lib/form-state";
import { logFault } from "@/lib/fault-log";

export async function createCaseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = formDataToObject(formData);
  let created: string | undefined;
  const state = await guardAction("createCase", async () => {
    const result = await createCase(db(), await getActor(), input);
    if (result.ok) created = result.value.id;
    return stateFrom(result, {}, input);
  });
  if (created) {
    revalidatePath("/cases");
    redirect(`/cases/${created}`);
  }
  return state;
}

export async function updateCaseAction(caseId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const input = formDataToObject(formData);
  let saved = false;
  const state = await guardAction("updateCase", async () => {
    const result = await updateCase(db(), await getActor(), caseId, input);
    saved = result.ok;
    return stateFrom(result, {}, input);
  });
  if (saved) {
    revalidatePath(`/cases/${caseId}`);
    redirect(`/cases/${caseId}`);
  }
  return state;
}

/** For the filing form's hints; nothing for a visitor who is not signed in. */
export async function findDuplicatesAction(probe: {
  caseId?: string;
  governoratePcode: string;
  from: string;
  to: string;
  latitude: string;
  longitude: string;
}) {
  const actor = await getActor();
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!actor || typeof probe?.governoratePcode !== "string" || !day.test(probe.from) || !day.test(probe.to)) return [];
  const lat = Number(probe.latitude);
  const lon = Number(probe.longitude);
  const hasPoint = probe.latitude !== "" && probe.longitude !== "" && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
  try {
    return await possibleDuplicates(db(), actor, {
      excludeId: isUuid(probe.caseId) ? probe.caseId : undefined,
      governoratePcode: probe.governoratePcode.slice(0, 12),
      incidentDateFrom: probe.from,
      incidentDateTo: probe.to < probe.from ? probe.from : probe.to,
      latitude: hasPoint ? lat : null,
      longitude: hasPoint ? lon : null,
    });
  } catch (err) {
    logFault("action findDuplicates", err);
    return [];
  }
}
