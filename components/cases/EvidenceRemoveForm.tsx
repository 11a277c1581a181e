"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idle, textValue, type FormState } from "@/lib/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Takes one file off the case, with an optional reason for the audit trail. */
export function EvidenceRemoveForm({ action, fileName }: { action: Action; fileName: string }) {
  const t = useTranslations("evidence");
  const te = useTranslations("errors");
  const id = useId();
  const [state, formAction] = useActionState(action, idle);
  const errors = state.status === "error" ? state.fieldErrors?.reason : undefined;
  return (
    <details className="grow">
      <summary className="cursor-pointer text-red-800 underline">{t("remove")}</summary>
      <form action={formAction} noValidate aria-label={t("removeNamed", { name: fileName })} className="mt-2 flex flex-col gap-3">
        <FormMessage state={state} success={state.status === "ok" ? t("removed") : undefined} />
        <p className="text-sm text-slate-700">{t("removeHelp")}</p>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-reason`} className="text-sm font-medium text-slate-800">
            {t("reason")}
          </label>
          <textarea
            id={`${id}-reason`}
            name="reason"
            maxLength={2000}
            defaultValue={state.status === "error" ? (textValue(state.values, "reason") ?? "") : ""}
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby={errors?.length ? `${id}-reason-error` : undefined}
            className="min-h-16 rounded border border-slate-400 px-3 py-2 text-base focus:outline-2 focus:outline-sky-700 aria-invalid:border-red-700"
          />
          {errors?.length ? (
            <ul id={`${id}-reason-error`} className="text-sm text-red-800">
              {errors.map((key) => (
                <li key={key}>{te.has(key) ? te(key) : te("invalid")}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <div>
          <SubmitButton variant="danger" pendingLabel={t("removing")}>
            {t("removeNamed", { name: fileName })}
          </SubmitButton>
        </div>
      </form>
    </details>
  );
}
