"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/db/client";
import { guardAction } from "@/lib/action";
import { getActor } from "@/lib/auth/current-actor";
import { assignCase } from "@/lib/cases/assignment";
import { addRedressItem, changeRedressStatus } from "@/lib/cases/redress-commands";
import { assessCase, recordAnswer } from "@/lib/cases/review-commands";
import { markDuplicate, moveCase, sendToBelligerent } from "@/lib/cases/stage-commands";
import { formDataToObject } from "@/lib/form-data";
import { stateFrom, type FormState } from "@/lib/form-state";
import type { Result } from "@/lib/result";

// Thin: the commands authorise, check the stage machine, validate and audit. `target` is the case,
// or for an answer the sending and for a redress status the item.
const commands = {
  move: moveCase,
  assess: assessCase,
  send: sendToBelligerent,
  answer: recordAnswer,
  redress: addRedressItem,
  redressStatus: changeRedressStatus,
  duplicate: markDuplicate,
  assign: assignCase,
};
export type LifecycleCommand = keyof typeof commands;

export async function lifecycleAction(command: LifecycleCommand, caseId: string, target: string, _prev: FormState, formData: FormData): Promise<FormState> {
  // Bound arguments come back from the browser like any other input: only a known command runs.
  if (!Object.hasOwn(commands, command)) return { status: "error", error: "invalid" };
  const input = formDataToObject(formData);
  return guardAction(`lifecycle.${command}`, async () => {
    const result: Result<unknown> = await commands[command](db(), await getActor(), target, input);
    if (result.ok) revalidatePath(`/cases/${caseId}`);
    return stateFrom(result, { message: "saved" }, result.ok ? undefined : input);
  });
}
