import type { InputHTMLAttributes, ReactNode } from "react";
import { FieldErrorList } from "./FieldErrorList";

type Props = {
  name: string;
  label: string;
  help?: ReactNode;
  errors?: string[];
} & InputHTMLAttributes<HTMLInputElement>;

/** A labelled input with its help and its errors beside it, wired for screen readers. */
export function Field({ name, label, help, errors, id, ...input }: Props) {
  const inputId = id ?? `field-${name}`;
  const helpId = help ? `${inputId}-help` : undefined;
  const errorId = errors?.length ? `${inputId}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={inputId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[helpId, errorId].filter(Boolean).join(" ") || undefined}
        className="rounded border border-slate-400 px-3 py-2 text-base focus:outline-2 focus:outline-offset-1 focus:outline-sky-700 aria-invalid:border-red-700"
        {...input}
      />
      {help ? (
        <p id={helpId} className="text-sm text-slate-600">
          {help}
        </p>
      ) : null}
      <FieldErrorList id={errorId} errors={errors} />
    </div>
  );
}
