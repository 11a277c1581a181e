"use client";
import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { AuthenticatorSetup, RecoveryCodeList } from "@/components/auth/AuthenticatorSetup";
import { YourPasswordField } from "@/components/auth/YourPasswordField";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idle, type FormState } from "@/lib/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type Enrolment = { secret: string; qrSvg: string; recoveryCodes: string[]; ticket: string };

const errorsOf = (state: FormState, field: string) => (state.status === "error" ? state.fieldErrors?.[field] : undefined);

/** Setting up an authenticator: the key and codes drawn by the page, the first code and the password to confirm. */
export function EnableTwoFactorForm({ action, enrolment }: { action: Action; enrolment: Enrolment }) {
  const t = useTranslations("twoFactor");
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="flex flex-col items-start gap-4" noValidate>
      <FormMessage state={state} success={t("enabled")} />
      <AuthenticatorSetup secret={enrolment.secret} qrSvg={enrolment.qrSvg} recoveryCodes={enrolment.recoveryCodes} />
      <input type="hidden" name="ticket" value={enrolment.ticket} />
      <CodeField label={t("firstCode")} errors={errorsOf(state, "code")} numeric />
      <YourPasswordField id="field-your-password-enable" errors={errorsOf(state, "yourPassword")} />
      <SubmitButton>{t("turnOn")}</SubmitButton>
    </form>
  );
}

/** New recovery codes, shown once in the form's answer. */
export function RenewRecoveryCodesForm({ action }: { action: Action }) {
  const t = useTranslations("twoFactor");
  const [state, formAction] = useActionState(action, idle);
  const codes = state.status === "ok" ? (state.params?.codes ?? "").split(" ").filter(Boolean) : [];
  return (
    <PanelForm action={formAction} state={state} success={t("codesRenewed")}>
      {codes.length ? <RecoveryCodeList codes={codes} /> : <p className="text-sm text-slate-700">{t("renewHelp")}</p>}
      <YourPasswordField id="field-your-password-renew" errors={errorsOf(state, "yourPassword")} />
      <SubmitButton variant="secondary">{t("renew")}</SubmitButton>
    </PanelForm>
  );
}

export function DisableTwoFactorForm({ action }: { action: Action }) {
  const t = useTranslations("twoFactor");
  const [state, formAction] = useActionState(action, idle);
  return (
    <PanelForm action={formAction} state={state} success={t("disabled")}>
      <p className="text-sm text-slate-700">{t("disableHelp")}</p>
      <CodeField label={t("code")} errors={errorsOf(state, "code")} />
      <YourPasswordField id="field-your-password-disable" errors={errorsOf(state, "yourPassword")} />
      <SubmitButton variant="danger">{t("turnOff")}</SubmitButton>
    </PanelForm>
  );
}

function PanelForm({ action, state, success, children }: { action: (formData: FormData) => void; state: FormState; success: string; children: ReactNode }) {
  return (
    <form action={action} className="flex flex-col items-start gap-3" noValidate key={JSON.stringify(state)}>
      <FormMessage state={state} success={success} />
      {children}
    </form>
  );
}

function CodeField({ label, errors, numeric = false }: { label: string; errors?: string[]; numeric?: boolean }) {
  return (
    <Field
      name="code"
      id={`field-code-${numeric ? "first" : "current"}`}
      label={label}
      autoComplete="one-time-code"
      inputMode={numeric ? "numeric" : "text"}
      spellCheck={false}
      dir="ltr"
      errors={errors}
    />
  );
}
