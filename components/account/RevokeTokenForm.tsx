"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idle, type FormState } from "@/lib/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function RevokeTokenForm({ action, tokenId, tokenName }: { action: Action; tokenId: string; tokenName: string }) {
  const t = useTranslations("account");
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="flex flex-col items-start gap-2">
      <input type="hidden" name="tokenId" value={tokenId} />
      <FormMessage state={state} success={t("revokedMessage")} />
      <SubmitButton variant="danger" pendingLabel={t("revoking")}>
        <span aria-hidden="true">{t("revoke")}</span>
        <span className="sr-only">{t("revokeLabel", { name: tokenName })}</span>
      </SubmitButton>
    </form>
  );
}
