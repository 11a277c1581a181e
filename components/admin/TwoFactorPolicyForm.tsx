"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { YourPasswordField } from "@/components/auth/YourPasswordField";
import { CheckboxField } from "@/components/ui/CheckboxField";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idle, type FormState } from "@/lib/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** The organisation's rule for signing in: whether everyone must use a second factor. */
export function TwoFactorPolicyForm({ action, required, withoutCount }: { action: Action; required: boolean; withoutCount: number }) {
  const t = useTranslations("accounts");
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="flex flex-col items-start gap-3" noValidate key={JSON.stringify(state)}>
      <FormMessage state={state} success={t("policySaved")} />
      <p className="max-w-prose text-sm text-slate-700">{t("policyHelp")}</p>
      <CheckboxField id="field-require-two-factor" name="required" label={t("requireTwoFactor")} checked={required} errors={state.status === "error" ? state.fieldErrors?.required : undefined} />
      <p className="text-sm text-slate-700" data-testid="accounts-without-two-factor">
        {t("withoutTwoFactor", { count: withoutCount })}
      </p>
      <YourPasswordField id="field-your-password-policy" errors={state.status === "error" ? state.fieldErrors?.yourPassword : undefined} />
      <SubmitButton variant="secondary">{t("savePolicy")}</SubmitButton>
    </form>
  );
}
