"use client";
import { useTranslations } from "next-intl";
import { roleValues } from "@/lib/auth/roles";
import { FieldErrorList } from "@/components/ui/FieldErrorList";

export function RoleSelect({ defaultValue, errors, id = "field-role" }: { defaultValue?: string; errors?: string[]; id?: string }) {
  const t = useTranslations();
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {t("accounts.role")}
      </label>
      <select
        id={id}
        name="role"
        defaultValue={defaultValue ?? "staff"}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errorId}
        className="rounded border border-slate-400 bg-white px-3 py-2 text-base focus:outline-2 focus:outline-sky-700"
      >
        {roleValues.map((role) => (
          <option key={role} value={role}>
            {t(`roles.${role}`)}
          </option>
        ))}
      </select>
      <FieldErrorList id={errorId} errors={errors} />
    </div>
  );
}
