"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { db } from "@/db/client";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { newEnrolment } from "@/lib/auth/enrolment";
import { signIn } from "@/lib/auth/next-auth";
import { safeReturnPath } from "@/lib/auth/return-path";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { logFault } from "@/lib/fault-log";

export type SignInError = "invalid" | "disabled" | "throttled" | "wrongCode" | "expired" | "secondFactor" | "unknown";

/**
 * Where the form is: the password; a code from the authenticator (or a recovery code); or, when
 * the organisation requires a second factor and the account has none, setting one up. The ticket
 * (sealed by the server, lib/auth/sealed.ts) carries the account from the password to the code.
 */
export type SignInState = {
  error?: SignInError;
  email?: string;
  step?: "password" | "code" | "enrol";
  ticket?: string;
  enrolment?: { secret: string; qrSvg: string; recoveryCodes: string[] };
};

const knownCodes = new Set<string>(["invalid", "disabled", "throttled", "wrongCode", "expired", "secondFactor"]);

export async function signInAction(prev: SignInState, formData: FormData): Promise<SignInState> {
  const redirectTo = safeReturnPath(String(formData.get("callbackUrl") ?? "/"));
  const ticket = formData.get("ticket");
  if (typeof ticket === "string" && ticket) {
    const state = await finishSignIn({ ticket, code: String(formData.get("code") ?? ""), redirectTo });
    // A lapsed ticket starts again from the password; a wrong code stays on the same step.
    return state.error === "expired" || state.error === "disabled" ? { error: state.error, email: prev.email } : { ...prev, error: state.error };
  }

  const email = String(formData.get("email") ?? "");
  const clientAddress = clientAddressFrom(await headers());
  const outcome = await attemptSignIn(db(), { email, password: String(formData.get("password") ?? ""), clientAddress });
  if (!outcome.ok) return { error: outcome.reason, email };
  if (outcome.next === "session") return { ...(await finishSignIn({ ticket: outcome.ticket, code: "", redirectTo })), email };
  if (outcome.next === "code") return { step: "code", ticket: outcome.ticket, email };
  const { ticket: enrolmentTicket, ...enrolment } = await newEnrolment(outcome.user);
  return { step: "enrol", ticket: enrolmentTicket, enrolment, email };
}

/** Hands the ticket (and code) to Auth.js, which makes the session and redirects on success. */
async function finishSignIn({ ticket, code, redirectTo }: { ticket: string; code: string; redirectTo: string }): Promise<SignInState> {
  try {
    await signIn("credentials", { ticket, code, redirectTo });
    return {};
  } catch (err) {
    // Success arrives as a redirect, which is not an AuthError and goes on up.
    if (!(err instanceof AuthError)) throw err;
    const code = err instanceof CredentialsSignin && knownCodes.has(err.code) ? (err.code as SignInError) : "unknown";
    if (code === "unknown") logFault("sign-in", err);
    return { error: code };
  }
}
