"use client";
import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idle, type FormState, type FormValues } from "@/lib/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** A small form on the case page (add, change or remove one victim, source or comment). */
export function ItemForm({
  action,
  submitLabel,
  variant = "secondary",
  children,
  label,
}: {
  action: Action;
  submitLabel: string;
  variant?: "primary" | "secondary" | "danger";
  children?: (values: FormValues | undefined, errors: Record<string, string[]> | undefined) => ReactNode;
  label?: string;
}) {
  const t = useTranslations("caseDetail");
  const [state, formAction] = useActionState(action, idle);
  const values = state.status === "error" ? state.values : undefined;
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const success = state.status === "ok" ? t(state.message === "removed" ? "removed" : "saved") : undefined;
  return (
    <form action={formAction} noValidate aria-label={label} className="flex flex-col gap-3" key={JSON.stringify(state)}>
      <FormMessage state={state} success={success} />
      {children?.(values, errors)}
      <div>
        <SubmitButton variant={variant}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
