"use client";
import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";

export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
}: {
  children: ReactNode;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const { pending } = useFormStatus();
  const colours = {
    primary: "bg-sky-800 text-white hover:bg-sky-900",
    secondary: "border border-slate-500 bg-white text-slate-900 hover:bg-slate-100",
    danger: "bg-red-800 text-white hover:bg-red-900",
  }[variant];
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`rounded px-4 py-2 font-medium focus:outline-2 focus:outline-offset-2 focus:outline-sky-700 disabled:opacity-70 ${colours}`}
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
