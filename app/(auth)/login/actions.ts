"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/next-auth";
import { safeReturnPath } from "@/lib/auth/return-path";

export type SignInState = { error?: "invalid" | "disabled" | "throttled" | "unknown"; email?: string };

const knownCodes = new Set(["invalid", "disabled", "throttled"]);

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "");
  try {
    await signIn("credentials", {
      email,
      password: String(formData.get("password") ?? ""),
      redirectTo: safeReturnPath(String(formData.get("callbackUrl") ?? "/")),
    });
    return {};
  } catch (err) {
    // Success arrives as a redirect, which is not an AuthError and goes on up.
    if (!(err instanceof AuthError)) throw err;
    const code = err instanceof CredentialsSignin && knownCodes.has(err.code) ? (err.code as SignInState["error"]) : "unknown";
    if (code === "unknown") console.error("[sign-in]", err);
    return { error: code, email };
  }
}
