import type { ReactNode } from "react";
import { FieldErrorList } from "./FieldErrorList";

export type ControlWiring = {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

type Props = {
  id: string;
  label: string;
  help?: ReactNode;
  errors?: string[];
  /** Renders the control with the id and the ARIA attributes that tie it to its help and errors. */
  children: (wiring: ControlWiring) => ReactNode;
};

/** A label, a control, its help and its errors, wired for screen readers: shared by every form field. */
export function FieldShell({ id, label, help, errors, children }: Props) {
  const helpId = help ? `${id}-help` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy })}
      {help ? (
        <p id={helpId} className="text-sm text-slate-600">
          {help}
        </p>
      ) : null}
      <FieldErrorList id={errorId} errors={errors} />
    </div>
  );
}
