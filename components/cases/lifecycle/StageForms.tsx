"use client";
import { useTranslations } from "next-intl";
import { CheckboxField } from "@/components/ui/CheckboxField";
import { CheckboxGroup } from "@/components/ui/CheckboxGroup";
import { Field } from "@/components/ui/Field";
import { SelectField } from "@/components/ui/SelectField";
import { TextArea } from "@/components/ui/TextArea";
import { sendingChannels, sendingKinds, type ClosingReason } from "@/lib/cases/vocabulary";
import { listValue, textValue } from "@/lib/form-state";
import { useFieldProps } from "../ItemFields";
import { LifecycleForm, Options, today, type FieldsProps, type LifecycleRun } from "./LifecycleForm";

type Evidence = { id: string; fileName: string };

function EvidenceChoice({ evidence, values, errors }: FieldsProps & { evidence: Evidence[] }) {
  const t = useTranslations();
  if (!evidence.length) return <p className="text-sm text-slate-600">{t("lifecycle.noEvidenceYet")}</p>;
  return (
    <CheckboxGroup
      name="evidenceIds"
      legend={t("lifecycle.evidenceIds")}
      options={evidence.map((e) => ({ value: e.id, label: e.fileName }))}
      checked={listValue(values, "evidenceIds") ?? []}
      errors={errors?.evidenceIds}
    />
  );
}

/** Submit for assessment: the filer's (or a reviewer's) one button. */
export function SubmitForm({ run, caseId }: { run: LifecycleRun; caseId: string }) {
  const t = useTranslations();
  return (
    <LifecycleForm run={run} command="move" caseId={caseId} submitLabel={t("moves.submit")} label={t("moves.submit")} variant="primary">
      {() => <input type="hidden" name="move" value="submit" />}
    </LifecycleForm>
  );
}

/** Sends the case to the belligerent (or asks it to re-evaluate, with new evidence). */
export function SendForm({ run, caseId, evidence, reEvaluation }: { run: LifecycleRun; caseId: string; evidence: Evidence[]; reEvaluation: boolean }) {
  const t = useTranslations();
  const label = reEvaluation ? t("lifecycle.requestReEvaluation") : t("moves.send_to_belligerent");
  return (
    <LifecycleForm run={run} command="send" caseId={caseId} submitLabel={label} label={label} variant="primary">
      {(values, errors) => <SendFields values={values} errors={errors} evidence={evidence} reEvaluation={reEvaluation} />}
    </LifecycleForm>
  );
}

function SendFields({ values, errors, evidence, reEvaluation }: FieldsProps & { evidence: Evidence[]; reEvaluation: boolean }) {
  const t = useTranslations();
  const f = useFieldProps("lifecycle", { values, errors, idPrefix: "send" });
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <SelectField {...f("kind")} defaultValue={textValue(values, "kind") ?? (reEvaluation ? "re_evaluation" : "submission")}>
        <Options values={sendingKinds} ns="sendingKinds" t={t} />
      </SelectField>
      <Field {...f("sentOn")} type="date" required defaultValue={textValue(values, "sentOn") ?? today()} />
      <SelectField {...f("channel")} required>
        <Options values={sendingChannels} ns="channels" t={t} blank="" />
      </SelectField>
      <Field {...f("sentReference")} dir="auto" />
      <div className="sm:col-span-2">
        <EvidenceChoice evidence={evidence} values={values} errors={errors} />
      </div>
    </div>
  );
}

/** Moves to redress: after the belligerent's answer, or without one with a reason. */
export function PursueRedressForm({ run, caseId }: { run: LifecycleRun; caseId: string }) {
  const t = useTranslations();
  return (
    <LifecycleForm run={run} command="move" caseId={caseId} submitLabel={t("moves.pursue_redress")} label={t("moves.pursue_redress")}>
      {(values, errors) => <PursueFields values={values} errors={errors} />}
    </LifecycleForm>
  );
}

function PursueFields({ values, errors }: FieldsProps) {
  const t = useTranslations();
  const f = useFieldProps("lifecycle", { values, errors, idPrefix: "pursue" });
  return (
    <div className="flex flex-col gap-3">
      <input type="hidden" name="move" value="pursue_redress" />
      <CheckboxField id="pursue-withoutAnswer" name="withoutAnswer" label={t("lifecycle.withoutAnswer")} checked={textValue(values, "withoutAnswer") === "true"} />
      <TextArea {...f("reason")} rows={2} help={t("lifecycle.withoutAnswerHelp")} />
    </div>
  );
}

/** Closes the case with one of the reasons that apply at its stage. */
export function CloseForm({ run, caseId, reasons }: { run: LifecycleRun; caseId: string; reasons: readonly ClosingReason[] }) {
  const t = useTranslations();
  return (
    <LifecycleForm run={run} command="move" caseId={caseId} submitLabel={t("moves.close")} label={t("moves.close")}>
      {(values, errors) => <CloseFields values={values} errors={errors} reasons={reasons} />}
    </LifecycleForm>
  );
}

function CloseFields({ values, errors, reasons }: FieldsProps & { reasons: readonly ClosingReason[] }) {
  const t = useTranslations();
  const f = useFieldProps("lifecycle", { values, errors, idPrefix: "close" });
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="move" value="close" />
      <SelectField {...f("closingReason")} required>
        <Options values={reasons} ns="closingReasons" t={t} blank="" />
      </SelectField>
      <TextArea {...f("reason")} rows={2} label={t("lifecycle.note")} />
    </div>
  );
}

/** Marks the case as a duplicate of another, named by its reference; this closes it. */
export function DuplicateForm({ run, caseId }: { run: LifecycleRun; caseId: string }) {
  const t = useTranslations();
  return (
    <LifecycleForm run={run} command="duplicate" caseId={caseId} submitLabel={t("lifecycle.markDuplicate")} label={t("lifecycle.markDuplicate")}>
      {(values, errors) => <DuplicateFields values={values} errors={errors} />}
    </LifecycleForm>
  );
}

function DuplicateFields({ values, errors }: FieldsProps) {
  const t = useTranslations();
  const f = useFieldProps("lifecycle", { values, errors, idPrefix: "duplicate" });
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field {...f("original")} required dir="ltr" placeholder="ALG-2017-0042" help={t("lifecycle.originalHelp")} />
      <TextArea {...f("reason")} rows={2} label={t("lifecycle.note")} />
    </div>
  );
}

/** Reopens a closed case into assessment: a reason, and the new evidence it rests on. */
export function ReopenForm({ run, caseId, evidence }: { run: LifecycleRun; caseId: string; evidence: Evidence[] }) {
  const t = useTranslations();
  return (
    <LifecycleForm run={run} command="move" caseId={caseId} submitLabel={t("moves.reopen")} label={t("moves.reopen")} variant="primary">
      {(values, errors) => <ReopenFields values={values} errors={errors} evidence={evidence} />}
    </LifecycleForm>
  );
}

function ReopenFields({ values, errors, evidence }: FieldsProps & { evidence: Evidence[] }) {
  const t = useTranslations();
  const f = useFieldProps("lifecycle", { values, errors, idPrefix: "reopen" });
  return (
    <div className="flex flex-col gap-3">
      <input type="hidden" name="move" value="reopen" />
      <TextArea {...f("reason")} rows={3} required label={t("lifecycle.reopenReason")} />
      <EvidenceChoice evidence={evidence} values={values} errors={errors} />
    </div>
  );
}

/** A manager gives the case to a reviewer. */
export function AssignForm({ run, caseId, reviewers, current }: { run: LifecycleRun; caseId: string; reviewers: { id: string; name: string }[]; current: string | null }) {
  const t = useTranslations();
  return (
    <LifecycleForm run={run} command="assign" caseId={caseId} submitLabel={t("lifecycle.assign")} label={t("lifecycle.assign")}>
      {(values, errors) => (
        <SelectField
          id="assign-assigneeId"
          name="assigneeId"
          label={t("lifecycle.assigneeId")}
          errors={errors?.assigneeId}
          defaultValue={textValue(values, "assigneeId") ?? current ?? ""}
        >
          <option value="">{t("lifecycle.unassigned")}</option>
          {reviewers.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </SelectField>
      )}
    </LifecycleForm>
  );
}
