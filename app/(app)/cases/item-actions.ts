"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/db/client";
import { guardAction } from "@/lib/action";
import { getActor } from "@/lib/auth/current-actor";
import { commentCommands, sourceCommands, victimCommands } from "@/lib/cases/items";
import { formDataToObject } from "@/lib/form-data";
import { stateFrom, type FormState } from "@/lib/form-state";
import type { Result } from "@/lib/result";

// Thin: the commands authorise, validate and audit. `target` is the case (to add) or the item (to change or remove).
type Kind = "victim" | "source" | "comment";
const commands = { victim: victimCommands, source: sourceCommands, comment: commentCommands };

async function run(kind: Kind, verb: "add" | "change" | "remove", caseId: string, formData: FormData, act: (input: Record<string, unknown>) => Promise<Result<unknown>>) {
  // Bound arguments come back from the browser like any other input: only a known kind of item runs.
  if (!Object.hasOwn(commands, kind)) return { status: "error", error: "invalid" } as const;
  const input = formDataToObject(formData);
  return guardAction(`${kind}.${verb}`, async () => {
    const result = await act(input);
    if (result.ok) revalidatePath(`/cases/${caseId}`);
    return stateFrom(result, { message: verb === "remove" ? "removed" : "saved" }, result.ok ? undefined : input);
  });
}

export async function addItemAction(kind: Kind, caseId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return run(kind, "add", caseId, formData, async (input) => commands[kind].add(db(), await getActor(), caseId, input));
}

export async function changeItemAction(kind: Kind, caseId: string, itemId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return run(kind, "change", caseId, formData, async (input) => commands[kind].change(db(), await getActor(), itemId, input));
}

export async function removeItemAction(kind: Kind, caseId: string, itemId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return run(kind, "remove", caseId, formData, async (input) =>
    commands[kind].remove(db(), await getActor(), itemId, typeof input.reason === "string" ? input.reason : null),
  );
}
