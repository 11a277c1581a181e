"use client";
import { FieldErrorList } from "./FieldErrorList";

/** One yes/no box. A hidden "false" is posted first, so an unticked box still reaches the server as "no". */
export function CheckboxField({ id, name, label, checked, errors }: { id: string; name: string; label: string; checked: boolean; errors?: string[] }) {
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div>
      <label className="flex items-center gap-2" htmlFor={id}>
        <input type="hidden" name={name} value="false" />
        <input id={id} type="checkbox" name={name} value="true" defaultChecked={checked} aria-describedby={errorId} className="size-4" />
        {label}
      </label>
      <FieldErrorList id={errorId} errors={errors} />
    </div>
  );
}
