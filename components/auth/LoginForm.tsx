"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { SignInState } from "@/app/(auth)/login/actions";
import { Field } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { AuthenticatorSetup } from "./AuthenticatorSetup";

type Props = {
  action: (state: SignInState, formData: FormData) => Promise<SignInState>;
  callbackUrl: string;
  initialError?: SignInState["error"];
};

/** Sign-in in up to two steps: the password, then a code when the account has (or must set up) an authenticator. */
export function LoginForm({ action, callbackUrl, initialError }: Props) {
  const t = useTranslations("login");
  const [state, formAction] = useActionState(action, { error: initialError });
  const step = state.step ?? "password";
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate key={step}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.error ? (
        <p role="alert" className="rounded border border-red-700 bg-red-50 px-3 py-2 text-red-900">
          {t(`error.${state.error}`)}
        </p>
      ) : null}
      {step === "password" ? (
        <>
          <Field
            name="email"
            type="email"
            label={t("email")}
            autoComplete="username"
            required
            autoFocus
            dir="ltr"
            defaultValue={state.email}
            key={`email-${state.email ?? ""}`}
          />
          <Field name="password" type="password" label={t("password")} autoComplete="current-password" required dir="ltr" />
          <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
        </>
      ) : (
        <>
          <input type="hidden" name="ticket" value={state.ticket} />
          {step === "enrol" && state.enrolment ? (
            <>
              <h2 className="text-lg font-semibold">{t("enrolTitle")}</h2>
              <p className="text-slate-700">{t("enrolIntro")}</p>
              <AuthenticatorSetup {...state.enrolment} />
            </>
          ) : (
            <p className="text-slate-700">{t("codeIntro")}</p>
          )}
          <Field
            name="code"
            label={step === "enrol" ? t("firstCode") : t("code")}
            help={step === "enrol" ? undefined : t("codeHelp")}
            autoComplete="one-time-code"
            autoFocus
            required
            dir="ltr"
            spellCheck={false}
            // Either an authenticator's six digits or a recovery code (letters and digits).
            inputMode={step === "enrol" ? "numeric" : "text"}
            key={`code-${state.error ?? ""}`}
          />
          <SubmitButton pendingLabel={t("verifying")}>{step === "enrol" ? t("enrolSubmit") : t("verify")}</SubmitButton>
          <a href={`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="text-sm text-sky-800 underline">
            {t("startAgain")}
          </a>
        </>
      )}
    </form>
  );
}
