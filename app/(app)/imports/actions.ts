"use server";
import { redirect } from "next/navigation";
import { db } from "@/db/client";
import { guardAction } from "@/lib/action";
import { getActor } from "@/lib/auth/current-actor";
import { evidenceRuntime } from "@/lib/evidence/runtime";
import { stateFrom, type FormState } from "@/lib/form-state";
import { cancelImport, startImport } from "@/lib/import/jobs";
import { saveTemplate } from "@/lib/import/templates";
import { undoImport } from "@/lib/import/undo";

// Thin: the commands authorise, validate and audit. The reading travels as the JSON the preview was made with.

function jsonField(formData: FormData, name: string): unknown {
  const raw = formData.get(name);
  try {
    return typeof raw === "string" ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

export async function startImportAction(importId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return guardAction("import.start", async () => {
    const { store } = await evidenceRuntime();
    const result = await startImport(db(), store, await getActor(), importId, jsonField(formData, "reading") ?? {});
    if (result.ok) redirect(`/imports/${importId}`);
    return stateFrom(result, {});
  });
}

export async function cancelImportAction(importId: string, _prev: FormState): Promise<FormState> {
  return guardAction("import.cancel", async () => {
    const result = await cancelImport(db(), await getActor(), importId);
    if (result.ok) redirect(`/imports/${importId}`);
    return stateFrom(result, {});
  });
}

export async function undoImportAction(importId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const reason = formData.get("reason");
  return guardAction("import.undo", async () => {
    const result = await undoImport(db(), await getActor(), importId, { reason: typeof reason === "string" ? reason : "" });
    if (result.ok) redirect(`/imports/${importId}`);
    return stateFrom(result, {}, { reason: typeof reason === "string" ? reason : "" });
  });
}

export async function saveTemplateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const name = formData.get("name");
  return guardAction("import.template", async () => {
    const reading = jsonField(formData, "reading") as { mapping?: unknown; rules?: unknown } | null;
    const result = await saveTemplate(db(), await getActor(), { name, headers: jsonField(formData, "headers"), mapping: reading?.mapping, rules: reading?.rules });
    return stateFrom(result, { message: "templateSaved", params: result.ok ? { version: String(result.value.version) } : undefined }, {
      name: typeof name === "string" ? name : "",
    });
  });
}
