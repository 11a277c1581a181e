"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/Field";

/** The signed-in person's own password, asked again before a sensitive change (lib/auth/reauthenticate.ts). */
export function YourPasswordField({ id, errors }: { id: string; errors?: string[] }) {
  const t = useTranslations("accounts");
  return (
    <Field
      name="yourPassword"
      id={id}
      type="password"
      dir="ltr"
      label={t("yourPassword")}
      help={t("yourPasswordHelp")}
      autoComplete="current-password"
      errors={errors}
    />
  );
}
