"use client";
import { FieldErrorList } from "./FieldErrorList";

type Props = {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  checked: string[];
  errors?: string[];
};

/** Several choices under one name. A hidden empty value is posted first, so "none ticked" reaches the server too. */
export function CheckboxGroup({ name, legend, options, checked, errors }: Props) {
  const errorId = errors?.length ? `${name}-error` : undefined;
  return (
    <fieldset aria-describedby={errorId} aria-invalid={errors?.length ? true : undefined} className="flex flex-col gap-1">
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      <input type="hidden" name={name} value="" />
      <div className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2">
            <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} className="size-4" />
            {o.label}
          </label>
        ))}
      </div>
      <FieldErrorList id={errorId} errors={errors} />
    </fieldset>
  );
}
