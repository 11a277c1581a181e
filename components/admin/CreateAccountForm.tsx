"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idle, textValue, type FormState } from "@/lib/form-state";
import { RoleSelect } from "./RoleSelect";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function CreateAccountForm({ action }: { action: Action }) {
  const t = useTranslations("accounts");
  const [state, formAction] = useActionState(action, idle);
  const values = state.status === "error" ? state.values : undefined;
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  // A new key after each outcome re-mounts the fields with the kept values (or empty after success).
  const formKey = JSON.stringify(state);
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate key={formKey}>
      <FormMessage
        state={state}
        success={state.status === "ok" ? t("created_message", { email: state.params?.email ?? "" }) : undefined}
      />
      <Field name="name" label={t("name")} defaultValue={textValue(values, "name")} errors={errors?.name} required autoComplete="off" />
      <Field
        name="email"
        type="email"
        dir="ltr"
        label={t("email")}
        defaultValue={textValue(values, "email")}
        errors={errors?.email}
        required
        autoComplete="off"
      />
      <RoleSelect defaultValue={textValue(values, "role")} errors={errors?.role} />
      <Field
        name="password"
        type="password"
        dir="ltr"
        label={t("initialPassword")}
        help={t("passwordHelp")}
        errors={errors?.password}
        required
        autoComplete="new-password"
      />
      <div>
        <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
      </div>
    </form>
  );
}
