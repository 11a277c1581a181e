"use server";
import { redirect } from "next/navigation";
import { db } from "@/db/client";
import { guardAction } from "@/lib/action";
import { getActor } from "@/lib/auth/current-actor";
import { evidenceRuntime } from "@/lib/evidence/runtime";
import { keptValues, stateFrom, type FormState } from "@/lib/form-state";
import { confirmMatch, createReconciliation, markNoMatch, rereadReconciliation } from "@/lib/reconcile/commands";

// Thin: the commands authorise, validate and audit.

const fields = ["belligerent", "releasedOn", "windowDays", "distanceKm", "dateOrder"];

export async function createReconciliationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guardAction("reconciliation.create", async () => {
    const file = formData.get("file");
    const values = keptValues(formData, fields);
    const upload = file instanceof File ? { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : { fileName: "", bytes: new Uint8Array() };
    const { store } = await evidenceRuntime();
    const result = await createReconciliation(db(), store, await getActor(), upload, values);
    if (result.ok) redirect(`/imports/reconciliations/${result.value.id}`);
    return stateFrom(result, {}, values);
  });
}

export async function confirmMatchAction(reconciliationId: string, rowId: string, caseId: string, _prev: FormState): Promise<FormState> {
  return guardAction("reconciliation.confirm", async () => {
    const result = await confirmMatch(db(), await getActor(), rowId, { caseId });
    if (result.ok) redirect(`/imports/reconciliations/${reconciliationId}`);
    return stateFrom(result, {});
  });
}

export async function noMatchAction(reconciliationId: string, rowId: string, _prev: FormState): Promise<FormState> {
  return guardAction("reconciliation.noMatch", async () => {
    const result = await markNoMatch(db(), await getActor(), rowId);
    if (result.ok) redirect(`/imports/reconciliations/${reconciliationId}`);
    return stateFrom(result, {});
  });
}

export async function rereadReconciliationAction(reconciliationId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return guardAction("reconciliation.reread", async () => {
    // The mapping table's selects: `m.<column>` = the field, empty when the column is not read.
    const mapping = Object.fromEntries(
      [...formData.entries()].flatMap(([key, value]) => {
        const column = key.match(/^m\.(\d{1,3})$/)?.[1];
        return column !== undefined && typeof value === "string" && value ? [[column, value]] : [];
      }),
    );
    const { store } = await evidenceRuntime();
    const result = await rereadReconciliation(db(), store, await getActor(), reconciliationId, { mapping, dateOrder: formData.get("dateOrder") ?? undefined });
    if (result.ok) redirect(`/imports/reconciliations/${reconciliationId}`);
    return stateFrom(result, {});
  });
}
