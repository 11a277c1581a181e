"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/db/client";
import { guardAction } from "@/lib/action";
import { getActor } from "@/lib/auth/current-actor";
import { keptValues, stateFrom, type FormState } from "@/lib/form-state";
import { createToken, revokeToken } from "@/lib/tokens/tokens";

// Thin: lib/tokens authorises (a signed-in person, their own tokens only), validates and audits.

export async function createTokenAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guardAction("createToken", async () => {
    const result = await createToken(db(), await getActor(), Object.fromEntries(formData));
    if (!result.ok) return stateFrom(result, {}, keptValues(formData, ["name", "expiresInDays"]));
    revalidatePath("/account");
    // The one and only time the token leaves the server.
    return { status: "ok", message: "created", params: { name: result.value.name, token: result.value.token } };
  });
}

export async function revokeTokenAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guardAction("revokeToken", async () => {
    const result = await revokeToken(db(), await getActor(), { tokenId: formData.get("tokenId") });
    if (result.ok) revalidatePath("/account");
    return stateFrom(result, { message: "revoked" });
  });
}
