"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idle, textValue, type FormState } from "@/lib/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Makes a token and shows it this once; after a reload or another submission it is gone for good. */
export function CreateTokenForm({ action }: { action: Action }) {
  const t = useTranslations("account");
  const [state, formAction] = useActionState(action, idle);
  const values = state.status === "error" ? state.values : undefined;
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const created = state.status === "ok" && state.params?.token ? { token: state.params.token, name: state.params.name ?? "" } : null;
  return (
    <div className="flex flex-col gap-4">
      {created ? <NewToken token={created.token} name={created.name} /> : null}
      {/* A new key after each outcome re-mounts the fields: kept values after a refusal, empty after success. */}
      <form action={formAction} className="flex flex-col gap-4" noValidate key={JSON.stringify(state)}>
        {state.status === "error" ? <FormMessage state={state} /> : null}
        <Field
          name="name"
          label={t("newTokenName")}
          help={t("newTokenNameHelp")}
          defaultValue={textValue(values, "name")}
          errors={errors?.name}
          required
          maxLength={100}
          autoComplete="off"
        />
        <Field
          name="expiresInDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          dir="ltr"
          label={t("expiresInDays")}
          help={t("expiresInDaysHelp")}
          defaultValue={textValue(values, "expiresInDays")}
          errors={errors?.expiresInDays}
        />
        <div>
          <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
        </div>
      </form>
    </div>
  );
}

function NewToken({ token, name }: { token: string; name: string }) {
  const t = useTranslations("account");
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div role="status" className="flex flex-col gap-2 rounded border border-emerald-700 bg-emerald-50 p-3 text-emerald-950">
      <p className="font-semibold">{t("createdTitle", { name })}</p>
      <p>{t("createdOnce")}</p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="new-token" className="sr-only">
          {t("createdTitle", { name })}
        </label>
        <input
          id="new-token"
          readOnly
          dir="ltr"
          value={token}
          data-testid="new-token"
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded border border-slate-400 bg-white px-2 py-1 font-mono text-sm"
        />
        <button
          type="button"
          onClick={copy}
          className="rounded border border-slate-500 bg-white px-3 py-1 font-medium text-slate-900 hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-sky-700"
        >
          {copied ? t("copied") : t("copy")}
        </button>
      </div>
      <p className="text-sm">{t("copyHint")}</p>
      <p className="text-sm">{t("createdStore")}</p>
    </div>
  );
}
