"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { TextArea } from "@/components/ui/TextArea";
import { idle, textValue, type FormState } from "@/lib/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Starts the commit on the server with the reading the preview was made with. */
export function CommitForm({ action, reading, count }: { action: Action; reading: string; count: number }) {
  const t = useTranslations("imports");
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="flex flex-col gap-2" aria-label={t("commit", { count })}>
      <input type="hidden" name="reading" value={reading} />
      <FormMessage state={state} />
      <p className="text-sm text-slate-700">{t("commitHelp")}</p>
      <div>
        <SubmitButton pendingLabel={t("committing")}>{t("commit", { count })}</SubmitButton>
      </div>
    </form>
  );
}

/** Saves the reading as a named template, for the next file with these headers. */
export function TemplateForm({ action, reading, headers, suggestedName }: { action: Action; reading: string; headers: string; suggestedName: string }) {
  const t = useTranslations("imports");
  const [state, formAction] = useActionState(action, idle);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="flex flex-col gap-3" aria-label={t("saveTemplate")}>
      <input type="hidden" name="reading" value={reading} />
      <input type="hidden" name="headers" value={headers} />
      <FormMessage state={state} success={state.status === "ok" ? t("templateSaved", { version: state.params?.version ?? "1" }) : undefined} />
      <Field
        name="name"
        label={t("templateName")}
        help={t("templateNameHelp")}
        maxLength={100}
        required
        defaultValue={state.status === "error" ? (textValue(state.values, "name") ?? suggestedName) : suggestedName}
        errors={errors?.name}
      />
      <div>
        <SubmitButton variant="secondary">{t("save")}</SubmitButton>
      </div>
    </form>
  );
}

/** One button: put an upload aside, or cancel a running import. */
export function StopForm({ action, label, help }: { action: (state: FormState) => Promise<FormState>; label: string; help: string }) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="flex flex-col gap-2" aria-label={label}>
      <FormMessage state={state} />
      <p className="text-sm text-slate-700">{help}</p>
      <div>
        <SubmitButton variant="secondary">{label}</SubmitButton>
      </div>
    </form>
  );
}

/** Withdraws everything the import filed, with the reason kept in each allegation's trail. */
export function UndoForm({ action }: { action: Action }) {
  const t = useTranslations("imports");
  const [state, formAction] = useActionState(action, idle);
  return (
    <details>
      <summary className="cursor-pointer text-red-800 underline">{t("undo")}</summary>
      <form action={formAction} noValidate className="mt-2 flex flex-col gap-3" aria-label={t("undo")}>
        <FormMessage state={state} />
        <p className="text-sm text-slate-700">{t("undoHelp")}</p>
        <TextArea
          name="reason"
          label={t("undoReason")}
          maxLength={2000}
          required
          defaultValue={state.status === "error" ? (textValue(state.values, "reason") ?? "") : ""}
          errors={state.status === "error" ? state.fieldErrors?.reason : undefined}
        />
        <div>
          <SubmitButton variant="danger">{t("undoConfirm")}</SubmitButton>
        </div>
      </form>
    </details>
  );
}
