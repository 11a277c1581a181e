"use client";
import { useLocale, useTranslations } from "next-intl";
import type { FormState } from "@/lib/form-state";

/** The form-level outcome: a refusal (role="alert") or a confirmation (role="status"). */
export function FormMessage({ state, success }: { state: FormState; success?: string }) {
  const t = useTranslations("errors");
  const locale = useLocale();
  if (state.status === "error") {
    // Facts behind the message (who saved and when, which case is the original) fill its placeholders.
    const params = state.params && { ...state.params, ...(state.params.at ? { at: new Date(state.params.at).toLocaleString(locale) } : {}) };
    return (
      <p role="alert" className="rounded border border-red-700 bg-red-50 px-3 py-2 text-red-900">
        {t.has(state.error) ? t(state.error, params) : t("unexpected")}
      </p>
    );
  }
  if (state.status === "ok" && success) {
    return (
      <p role="status" className="rounded border border-emerald-700 bg-emerald-50 px-3 py-2 text-emerald-900">
        {success}
      </p>
    );
  }
  return null;
}
