"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { SignInState } from "@/app/(auth)/login/actions";
import { Field } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";

type Props = {
  action: (state: SignInState, formData: FormData) => Promise<SignInState>;
  callbackUrl: string;
  initialError?: SignInState["error"];
};

export function LoginForm({ action, callbackUrl, initialError }: Props) {
  const t = useTranslations("login");
  const [state, formAction] = useActionState(action, { error: initialError });
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.error ? (
        <p role="alert" className="rounded border border-red-700 bg-red-50 px-3 py-2 text-red-900">
          {t(`error.${state.error}`)}
        </p>
      ) : null}
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
    </form>
  );
}
