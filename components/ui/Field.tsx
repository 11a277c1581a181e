import type { InputHTMLAttributes, ReactNode } from "react";
import { FieldShell } from "./FieldShell";

type Props = { name: string; label: string; help?: ReactNode; errors?: string[] } & InputHTMLAttributes<HTMLInputElement>;

/** A labelled input with its help and its errors beside it. */
export function Field({ name, label, help, errors, id, ...input }: Props) {
  return (
    <FieldShell id={id ?? `field-${name}`} label={label} help={help} errors={errors}>
      {(wiring) => (
        <input
          name={name}
          className="rounded border border-slate-400 px-3 py-2 text-base focus:outline-2 focus:outline-offset-1 focus:outline-sky-700 aria-invalid:border-red-700"
          {...wiring}
          {...input}
        />
      )}
    </FieldShell>
  );
}
