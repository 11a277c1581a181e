"use client";
import { useTranslations } from "next-intl";
import { CheckboxField } from "@/components/ui/CheckboxField";
import { CheckboxGroup } from "@/components/ui/CheckboxGroup";
import { Field } from "@/components/ui/Field";
import { FieldErrorList } from "@/components/ui/FieldErrorList";
import { SelectField } from "@/components/ui/SelectField";
import { TextArea } from "@/components/ui/TextArea";
import { nextRedressStatuses } from "@/lib/cases/lifecycle";
import { assessmentMethods, belligerentAnswers, gradings, nonCredibleReasons, redressTypes, type RedressStatus } from "@/lib/cases/vocabulary";
import { listValue, textValue, type FormValues } from "@/lib/form-state";
import { useFieldProps } from "../ItemFields";
import { LifecycleForm, Options, today, type FieldErrors, type FieldsProps, type LifecycleRun } from "./LifecycleForm";


function GradingChoice({ values, errors }: { values?: FormValues; errors: FieldErrors }) {
  const t = useTranslations();
  const chosen = textValue(values, "grading");
  const errorId = errors?.grading?.length ? "assessment-grading-error" : undefined;
  return (
    <fieldset aria-describedby={errorId} aria-invalid={errorId ? true : undefined} className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium text-slate-800">{t("lifecycle.grading")}</legend>
      {gradings.map((g) => (
        <div key={g} className="flex items-start gap-2">
          <input
            id={`grading-${g}`}
            type="radio"
            name="grading"
            value={g}
            defaultChecked={chosen === g}
            className="mt-1 size-4"
            aria-describedby={`grading-${g}-definition`}
          />
          <div>
            <label htmlFor={`grading-${g}`} className="font-medium">
              {t(`gradings.${g}`)}
            </label>
            <p id={`grading-${g}-definition`} className="text-sm text-slate-600">
              {t(`gradingDefinitions.${g}`)}
            </p>
          </div>
        </div>
      ))}
      <FieldErrorList id={errorId} errors={errors?.grading} />
    </fieldset>
  );
}

/** A reviewer's assessment: grading (with each grading's definition), method, deaths assessed, IHL concerns and reasoning. */
export function AssessmentForm({ run, caseId }: { run: LifecycleRun; caseId: string }) {
  const t = useTranslations();
  return (
    <LifecycleForm run={run} command="assess" caseId={caseId} submitLabel={t("lifecycle.assess")} label={t("lifecycle.assess")} variant="primary">
      {(values, errors) => <AssessmentFields values={values} errors={errors} />}
    </LifecycleForm>
  );
}

function AssessmentFields({ values, errors }: FieldsProps) {
  const t = useTranslations();
  const f = useFieldPropsFor("assessment", values, errors);
  return (
    <div className="flex flex-col gap-3">
      <GradingChoice values={values} errors={errors} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField {...f("method")} required defaultValue={textValue(values, "method") ?? "desk_review"}>
          <Options values={assessmentMethods} ns="assessmentMethods" t={t} />
        </SelectField>
        <Field {...f("witnessesInterviewed")} inputMode="numeric" dir="ltr" help={t("lifecycle.fieldOnly")} />
        <CheckboxField id="assessment-siteVisit" name="siteVisit" label={t("lifecycle.siteVisit")} checked={textValue(values, "siteVisit") === "true"} />
        <div />
        <Field {...f("deathsMin")} inputMode="numeric" dir="ltr" />
        <Field {...f("deathsMax")} inputMode="numeric" dir="ltr" />
      </div>
      <TextArea {...f("ihlConcerns")} rows={3} />
      <TextArea {...f("reasoning")} rows={4} required />
    </div>
  );
}

/** Field props for a lifecycle form: labels under "lifecycle.", ids prefixed with the form's name. */
function useFieldPropsFor(idPrefix: string, values: FormValues | undefined, errors: FieldErrors) {
  return useFieldProps("lifecycle", { values, errors, idPrefix });
}

/** The belligerent's answer to the latest sending. */
export function AnswerForm({ run, caseId, responseId, current }: { run: LifecycleRun; caseId: string; responseId: string; current?: FormValues }) {
  const t = useTranslations();
  return (
    <LifecycleForm run={run} command="answer" caseId={caseId} target={responseId} submitLabel={t("lifecycle.recordAnswer")} label={t("lifecycle.recordAnswer")} variant="primary">
      {(kept, errors) => <AnswerFields values={kept ?? current} errors={errors} />}
    </LifecycleForm>
  );
}

function AnswerFields({ values, errors }: FieldsProps) {
  const t = useTranslations();
  const f = useFieldPropsFor("answer", values, errors);
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <SelectField {...f("answer")} required>
        <Options values={belligerentAnswers} ns="answers" t={t} blank="" />
      </SelectField>
      <SelectField {...f("nonCredibleReason")}>
        <Options values={nonCredibleReasons} ns="nonCredibleReasons" t={t} blank="" />
      </SelectField>
      <Field {...f("deathsConcededMin")} inputMode="numeric" dir="ltr" />
      <Field {...f("deathsConcededMax")} inputMode="numeric" dir="ltr" />
      <Field {...f("injuriesConcededMin")} inputMode="numeric" dir="ltr" />
      <Field {...f("injuriesConcededMax")} inputMode="numeric" dir="ltr" />
      <Field {...f("answeredOn")} type="date" required defaultValue={textValue(values, "answeredOn") ?? today()} />
      <Field {...f("answerReference")} dir="auto" />
      <div className="sm:col-span-2">
        <TextArea {...f("answerNote")} rows={3} />
      </div>
    </div>
  );
}

type Victim = { id: string; name: string };

/** Something sought for the victims: a payment (amount and currency) or another kind of redress. */
export function RedressItemForm({ run, caseId, victims }: { run: LifecycleRun; caseId: string; victims: Victim[] }) {
  const t = useTranslations();
  return (
    <LifecycleForm run={run} command="redress" caseId={caseId} submitLabel={t("lifecycle.addRedress")} label={t("lifecycle.addRedress")}>
      {(values, errors) => <RedressItemFields values={values} errors={errors} victims={victims} />}
    </LifecycleForm>
  );
}

function RedressItemFields({ values, errors, victims }: FieldsProps & { victims: Victim[] }) {
  const t = useTranslations();
  const f = useFieldPropsFor("redress", values, errors);
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <SelectField {...f("type")} required>
        <Options values={redressTypes} ns="redressTypes" t={t} blank="" />
      </SelectField>
      <Field {...f("requestedOn")} type="date" required defaultValue={textValue(values, "requestedOn") ?? today()} />
      <Field {...f("amount")} inputMode="decimal" dir="ltr" help={t("lifecycle.paymentsOnly")} />
      <Field {...f("currency")} dir="ltr" maxLength={3} help={t("lifecycle.currencyHelp")} />
      <div className="sm:col-span-2">
        <TextArea {...f("description")} rows={2} />
      </div>
      {victims.length ? (
        <div className="sm:col-span-2">
          <CheckboxGroup
            name="beneficiaryIds"
            legend={t("lifecycle.beneficiaryIds")}
            options={victims.map((v) => ({ value: v.id, label: v.name }))}
            checked={listValue(values, "beneficiaryIds") ?? []}
            errors={errors?.beneficiaryIds}
          />
        </div>
      ) : null}
    </div>
  );
}

/** Moves one redress item on: the next statuses it may take, and the day it happened. */
export function RedressStatusForm({
  run,
  caseId,
  itemId,
  status,
  version,
  name,
}: {
  run: LifecycleRun;
  caseId: string;
  itemId: string;
  status: RedressStatus;
  version: number;
  name: string;
}) {
  const t = useTranslations();
  const next = nextRedressStatuses(status);
  if (next.length === 0) return null;
  return (
    <LifecycleForm run={run} command="redressStatus" caseId={caseId} target={itemId} submitLabel={t("lifecycle.changeStatus")} label={t("lifecycle.changeStatusOf", { name })}>
      {(values, errors) => <RedressStatusFields values={values} errors={errors} itemId={itemId} version={version} next={next} />}
    </LifecycleForm>
  );
}

function RedressStatusFields({ values, errors, itemId, version, next }: FieldsProps & { itemId: string; version: number; next: readonly RedressStatus[] }) {
  const t = useTranslations();
  const f = useFieldPropsFor(`redress-${itemId}`, values, errors);
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <input type="hidden" name="version" value={version} />
      <SelectField {...f("status")} required label={t("lifecycle.newStatus")}>
        <Options values={next} ns="redressStatuses" t={t} />
      </SelectField>
      <Field {...f("on")} type="date" required defaultValue={textValue(values, "on") ?? today()} />
      <Field {...f("reason")} label={t("lifecycle.note")} />
    </div>
  );
}
