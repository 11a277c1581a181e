import type { ReactNode, SelectHTMLAttributes } from "react";
import { FieldShell } from "./FieldShell";

type Props = { name: string; label: string; errors?: string[]; children: ReactNode } & SelectHTMLAttributes<HTMLSelectElement>;

export function SelectField({ name, label, errors, children, id, ...select }: Props) {
  return (
    <FieldShell id={id ?? `field-${name}`} label={label} errors={errors}>
      {(wiring) => (
        <select
          name={name}
          className="rounded border border-slate-400 bg-white px-3 py-2 text-base focus:outline-2 focus:outline-sky-700 aria-invalid:border-red-700"
          {...wiring}
          {...select}
        >
          {children}
        </select>
      )}
    </FieldShell>
  );
}
