import type { TextareaHTMLAttributes } from "react";
import { FieldShell } from "./FieldShell";

type Props = { name: string; label: string; help?: string; errors?: string[] } & TextareaHTMLAttributes<HTMLTextAreaElement>;

export function TextArea({ name, label, help, errors, id, ...area }: Props) {
  return (
    <FieldShell id={id ?? `field-${name}`} label={label} help={help} errors={errors}>
      {(wiring) => (
        <textarea
          name={name}
          className="min-h-32 rounded border border-slate-400 px-3 py-2 text-base focus:outline-2 focus:outline-sky-700 aria-invalid:border-red-700"
          {...wiring}
          {...area}
        />
      )}
    </FieldShell>
  );
}
