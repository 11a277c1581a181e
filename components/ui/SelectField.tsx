"use client";
import type { ReactNode, SelectHTMLAttributes } from "react";
import { FieldErrorList } from "./FieldErrorList";

type Props = { name: string; label: string; errors?: string[]; children: ReactNode } & SelectHTMLAttributes<HTMLSelectElement>;

export function SelectField({ name, label, errors, children, id, ...select }: Props) {
  const selectId = id ?? `field-${name}`;
  const errorId = errors?.length ? `${selectId}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={selectId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={selectId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errorId}
        className="rounded border border-slate-400 bg-white px-3 py-2 text-base focus:outline-2 focus:outline-sky-700 aria-invalid:border-red-700"
        {...select}
      >
        {children}
      </select>
      <FieldErrorList id={errorId} errors={errors} />
    </div>
  );
}
