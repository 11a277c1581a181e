import type { ReactNode } from "react";

export function Fieldset({ legend, children, help }: { legend: string; children: ReactNode; help?: string }) {
  return (
    <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4">
      <legend className="px-1 text-lg font-semibold">{legend}</legend>
      {help ? <p className="-mt-2 text-sm text-slate-600">{help}</p> : null}
      {children}
    </fieldset>
  );
}
