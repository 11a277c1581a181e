"use client";
import type { ReactNode } from "react";
import type { FormState, FormValues } from "@/lib/form-state";
import type { LifecycleCommand } from "@/app/(app)/cases/lifecycle-actions";
import { ItemForm } from "../ItemForm";

export type FieldErrors = Record<string, string[]> | undefined;
/** What a form's fields get: the values to show (kept after a refusal) and each field's errors. */
export type FieldsProps = { values?: FormValues; errors: FieldErrors };

/** Today, as a date input's value: the default day of a sending, an answer or a redress step. */
export const today = () => new Date().toISOString().slice(0, 10);

export type LifecycleRun = (command: LifecycleCommand, caseId: string, target: string, state: FormState, formData: FormData) => Promise<FormState>;

/** One lifecycle form on the case page: the server action bound to its command, its case and its target. */
export function LifecycleForm({
  run,
  command,
  caseId,
  target = caseId,
  submitLabel,
  label,
  variant,
  children,
}: {
  run: LifecycleRun;
  command: LifecycleCommand;
  caseId: string;
  target?: string;
  submitLabel: string;
  label: string;
  variant?: "primary" | "secondary" | "danger";
  children?: (values: FormValues | undefined, errors: Record<string, string[]> | undefined) => ReactNode;
}) {
  return (
    <ItemForm action={run.bind(null, command, caseId, target)} submitLabel={submitLabel} label={label} variant={variant}>
      {children}
    </ItemForm>
  );
}

/** Options of a coded list, labelled from its catalogue namespace. */
export function Options({ values, ns, t, blank }: { values: readonly string[]; ns: string; t: (key: string) => string; blank?: string }) {
  return (
    <>
      {blank !== undefined ? <option value="">{blank}</option> : null}
      {values.map((v) => (
        <option key={v} value={v}>
          {t(`${ns}.${v}`)}
        </option>
      ))}
    </>
  );
}
