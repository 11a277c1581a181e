"use client";
import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { Panel } from "@/components/ui/Panel";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idle, textValue, type FormState } from "@/lib/form-state";
import type { Role } from "@/lib/auth/roles";
import { YourPasswordField } from "@/components/auth/YourPasswordField";
import { RoleSelect } from "./RoleSelect";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

type Props = {
  user: { id: string; role: Role; disabled: boolean; twoFactor: boolean };
  actions: { changeRole: Action; setDisabled: Action; resetPassword: Action; resetTwoFactor: Action };
};

/** What an admin does to one account, each its own form with its own outcome. */
export function AccountControls({ user, actions }: Props) {
  const t = useTranslations("accounts");
  return (
    <div className="grid gap-6 md:grid-cols-2 xl:grid-cols-4">
      <Panel title={t("changeRole")} id="role-panel">
        <ActionForm action={actions.changeRole} userId={user.id} success={t("roleSaved")} formId="role" submit={<SubmitButton>{t("saveRole")}</SubmitButton>}>
          {(state) => (
            <RoleSelect
              id="field-new-role"
              defaultValue={state.status === "error" ? textValue(state.values, "role") : user.role}
              errors={state.status === "error" ? state.fieldErrors?.role : undefined}
            />
          )}
        </ActionForm>
      </Panel>
      <Panel title={t("access")} id="access-panel">
        <ActionForm
          action={actions.setDisabled}
          userId={user.id}
          success={t("statusSaved")}
          formId="access"
          submit={<SubmitButton variant={user.disabled ? "primary" : "danger"}>{user.disabled ? t("enable") : t("disable")}</SubmitButton>}
        >
          {() => (
            <>
              <p className="text-sm text-slate-700">{t("disableHelp")}</p>
              <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
            </>
          )}
        </ActionForm>
      </Panel>
      <Panel title={t("resetPassword")} id="password-panel">
        <ActionForm
          action={actions.resetPassword}
          userId={user.id}
          success={t("passwordSaved")}
          formId="password"
          submit={<SubmitButton variant="secondary">{t("resetPassword")}</SubmitButton>}
        >
          {(state) => (
            <Field
              name="password"
              id="field-new-password"
              type="password"
              dir="ltr"
              label={t("newPassword")}
              help={t("resetHelp")}
              autoComplete="new-password"
              errors={state.status === "error" ? state.fieldErrors?.password : undefined}
            />
          )}
        </ActionForm>
      </Panel>
      <Panel title={t("twoFactorPanel")} id="two-factor-panel">
        {user.twoFactor ? (
          <ActionForm
            action={actions.resetTwoFactor}
            userId={user.id}
            success={t("twoFactorResetDone")}
            formId="two-factor"
            submit={<SubmitButton variant="secondary">{t("resetTwoFactor")}</SubmitButton>}
          >
            {() => <p className="text-sm text-slate-700">{t("resetTwoFactorHelp")}</p>}
          </ActionForm>
        ) : (
          <p className="text-sm text-slate-700">{t("twoFactorNotSetUp")}</p>
        )}
      </Panel>
    </div>
  );
}

/** One of the account's forms; each asks for the admin's own password too (lib/auth/reauthenticate.ts). */
function ActionForm({
  action,
  userId,
  success,
  formId,
  submit,
  children,
}: {
  action: Action;
  userId: string;
  success: string;
  formId: string;
  submit: ReactNode;
  children: (state: FormState) => ReactNode;
}) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="flex flex-col items-start gap-3" noValidate key={JSON.stringify(state)}>
      <input type="hidden" name="userId" value={userId} />
      <FormMessage state={state} success={success} />
      {children(state)}
      <YourPasswordField id={`field-your-password-${formId}`} errors={state.status === "error" ? state.fieldErrors?.yourPassword : undefined} />
      {submit}
    </form>
  );
}
