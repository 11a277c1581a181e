"use client";
import { useTranslations } from "next-intl";

/** The errors of one field, as message keys under "errors." translated here. */
export function FieldErrorList({ id, errors }: { id?: string; errors?: string[] }) {
  const t = useTranslations("errors");
  if (!errors?.length) return null;
  return (
    <ul id={id} className="text-sm text-red-800">
      {errors.map((key) => (
        <li key={key}>{t.has(key) ? t(key) : t("invalid")}</li>
      ))}
    </ul>
  );
}
