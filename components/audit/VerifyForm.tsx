"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idle, type FormState } from "@/lib/form-state";

/** Walks the chain now; the outcome is announced, and the page shows it as the last verification. */
export function VerifyForm({ action }: { action: (state: FormState) => Promise<FormState> }) {
  const t = useTranslations("audit");
  const te = useTranslations("errors");
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <div>
        <SubmitButton pendingLabel={t("verifying")}>{t("verifyNow")}</SubmitButton>
      </div>
      <p role="status" className="text-sm">
        {state.status === "ok" ? t("verifiedNow", { events: state.params?.events ?? "0" }) : null}
        {state.status === "error" ? te.has(state.error) ? te(state.error, state.params) : te("unexpected") : null}
      </p>
    </form>
  );
}
