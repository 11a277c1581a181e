"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/db/client";
import { guardAction } from "@/lib/action";
import { getActor } from "@/lib/auth/current-actor";
import { keptValues, stateFrom, type FormState } from "@/lib/form-state";
import { resetTwoFactor, setTwoFactorRequirement } from "@/lib/auth/two-factor";
import { changeRole, createUser, resetPassword, setDisabled } from "@/lib/users/commands";

export async function createAccountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guardAction("createAccount", async () => {
    const result = await createUser(db(), await getActor(), Object.fromEntries(formData));
    if (result.ok) revalidatePath("/admin/accounts");
    const values = keptValues(formData, ["email", "name", "role"]);
    return stateFrom(result, { message: "created", params: { email: values.email ?? "" } }, values);
  });
}

export async function changeRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guardAction("changeRole", async () => {
    const result = await changeRole(db(), await getActor(), Object.fromEntries(formData));
    if (result.ok) revalidatePath("/admin/accounts", "layout");
    return stateFrom(result, {}, keptValues(formData, ["role"]));
  });
}

export async function setDisabledAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guardAction("setDisabled", async () => {
    const result = await setDisabled(db(), await getActor(), Object.fromEntries(formData));
    if (result.ok) revalidatePath("/admin/accounts", "layout");
    return stateFrom(result, {});
  });
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guardAction("resetPassword", async () => {
    const result = await resetPassword(db(), await getActor(), Object.fromEntries(formData));
    if (result.ok) revalidatePath("/admin/accounts", "layout");
    return stateFrom(result, {});
  });
}

export async function resetTwoFactorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guardAction("resetTwoFactor", async () => {
    const result = await resetTwoFactor(db(), await getActor(), Object.fromEntries(formData));
    if (result.ok) revalidatePath("/admin/accounts", "layout");
    return stateFrom(result, {});
  });
}

export async function setTwoFactorRequirementAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guardAction("setTwoFactorRequirement", async () => {
    const result = await setTwoFactorRequirement(db(), await getActor(), Object.fromEntries(formData));
    if (result.ok) revalidatePath("/admin/accounts", "layout");
    return stateFrom(result, {});
  });
}
