"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SelectField } from "@/components/ui/SelectField";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { idle, textValue, type FormState } from "@/lib/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Brings in a belligerent's table: the file, whose it is, when it was released, and how near a match must be. */
export function ReconcileUploadForm({ action, belligerents, accept }: { action: Action; belligerents: { code: string; label: string }[]; accept: string }) {
  const t = useTranslations("reconcile");
  const [state, formAction] = useActionState(action, idle);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const kept = (name: string, fallback = "") => (state.status === "error" ? (textValue(state.values, name) ?? fallback) : fallback);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-3" aria-label={t("upload")}>
      <FormMessage state={state} />
      <Field name="file" type="file" label={t("file")} help={t("fileHelp")} accept={accept} required errors={errors?.file} />
      <SelectField name="belligerent" label={t("belligerent")} defaultValue={kept("belligerent", "coalition")} errors={errors?.belligerent}>
        {belligerents.map((b) => (
          <option key={b.code} value={b.code}>
            {b.label}
          </option>
        ))}
      </SelectField>
      <Field name="releasedOn" type="date" label={t("releasedOn")} help={t("releasedOnHelp")} required defaultValue={kept("releasedOn")} errors={errors?.releasedOn} />
      <div className="flex flex-wrap gap-4">
        <Field name="windowDays" type="number" min={0} max={60} label={t("windowDays")} defaultValue={kept("windowDays", "3")} errors={errors?.windowDays} />
        <Field name="distanceKm" type="number" min={0} max={100} label={t("distanceKm")} defaultValue={kept("distanceKm", "5")} errors={errors?.distanceKm} />
      </div>
      <div>
        <SubmitButton pendingLabel={t("reading")}>{t("uploadButton")}</SubmitButton>
      </div>
    </form>
  );
}

/** One button deciding a row of their table: confirm a proposed allegation, or say none of ours is it. */
export function DecisionForm({ action, label, variant }: { action: (state: FormState) => Promise<FormState>; label: string; variant?: "secondary" }) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <FormMessage state={state} />
      <div>
        <SubmitButton variant={variant}>{label}</SubmitButton>
      </div>
    </form>
  );
}

/** Reads the table again with the mapping and date order chosen in `children` (the columns' selects). */
export function RereadForm({ action, children }: { action: Action; children: React.ReactNode }) {
  const t = useTranslations("reconcile");
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className="flex flex-col gap-3" aria-label={t("howRead")} data-testid="reread-form">
      <FormMessage state={state} />
      {children}
      <div>
        <SubmitButton pendingLabel={t("reading")}>{t("readAgain")}</SubmitButton>
      </div>
    </form>
  );
}
