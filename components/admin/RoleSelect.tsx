"use client";
import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/SelectField";
import { roleValues } from "@/lib/auth/roles";

export function RoleSelect({ defaultValue, errors, id = "field-role" }: { defaultValue?: string; errors?: string[]; id?: string }) {
  const t = useTranslations();
  return (
    <SelectField id={id} name="role" label={t("accounts.role")} defaultValue={defaultValue ?? "staff"} errors={errors}>
      {roleValues.map((role) => (
        <option key={role} value={role}>
          {t(`roles.${role}`)}
        </option>
      ))}
    </SelectField>
  );
}
