"use client";
import type { TextareaHTMLAttributes } from "react";
import { FieldErrorList } from "./FieldErrorList";

type Props = { name: string; label: string; help?: string; errors?: string[] } & TextareaHTMLAttributes<HTMLTextAreaElement>;

export function TextArea({ name, label, help, errors, id, ...area }: Props) {
  const areaId = id ?? `field-${name}`;
  const helpId = help ? `${areaId}-help` : undefined;
  const errorId = errors?.length ? `${areaId}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={areaId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={areaId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[helpId, errorId].filter(Boolean).join(" ") || undefined}
        className="min-h-32 rounded border border-slate-400 px-3 py-2 text-base focus:outline-2 focus:outline-sky-700 aria-invalid:border-red-700"
        {...area}
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
