"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/db/client";
import { guardAction } from "@/lib/action";
import { getActor } from "@/lib/auth/current-actor";
import { disableTwoFactor, enableTwoFactor, renewRecoveryCodes } from "@/lib/auth/two-factor";
import { stateFrom, type FormState } from "@/lib/form-state";

// Thin: lib/auth/two-factor authorises (the signed-in person, their own account), checks and audits.

export async function enableTwoFactorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guardAction("enableTwoFactor", async () => {
    const result = await enableTwoFactor(db(), await getActor(), Object.fromEntries(formData));
    if (result.ok) revalidatePath("/account", "layout");
    return stateFrom(result, {});
  });
}

export async function renewRecoveryCodesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guardAction("renewRecoveryCodes", async () => {
    const result = await renewRecoveryCodes(db(), await getActor(), Object.fromEntries(formData));
    if (!result.ok) return stateFrom(result, {});
    // The one and only time these codes leave the server.
    return { status: "ok", params: { codes: result.value.codes.join(" ") } };
  });
}

export async function disableTwoFactorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guardAction("disableTwoFactor", async () => {
    const result = await disableTwoFactor(db(), await getActor(), Object.fromEntries(formData));
    if (result.ok) revalidatePath("/account", "layout");
    return stateFrom(result, {});
  });
}
