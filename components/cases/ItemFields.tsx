"use client";
import { useTranslations } from "next-intl";
import { CheckboxField } from "@/components/ui/CheckboxField";
import { Field } from "@/components/ui/Field";
import { SelectField } from "@/components/ui/SelectField";
import { TextArea } from "@/components/ui/TextArea";
import { ageGroups, identityVerifications, sexes, sourceTypes, victimOutcomes } from "@/lib/cases/vocabulary";
import { textValue, type FormValues } from "@/lib/form-state";

export type FieldsProps = { values?: FormValues; errors?: Record<string, string[]>; idPrefix: string };
type Props = FieldsProps;

/** Props for a field named `key`: its id, label (from namespace `ns`), kept value and errors. */
export function useFieldProps(ns: string, { values, errors, idPrefix }: Props) {
  const t = useTranslations(ns);
  return (key: string) => ({
    id: `${idPrefix}-${key}`,
    name: key,
    label: t(key),
    defaultValue: textValue(values, key) ?? "",
    errors: errors?.[key],
  });
}

function ConfidentialBox({ label, values, idPrefix }: { label: string; values?: FormValues; idPrefix: string }) {
  return <CheckboxField id={`${idPrefix}-confidential`} name="confidential" label={label} checked={textValue(values, "confidential") === "true"} />;
}

export function VictimFields(props: Props) {
  const t = useTranslations();
  const f = useFieldProps("victim", props);
  const options = (list: readonly string[], ns: string) =>
    list.map((v) => (
      <option key={v} value={v}>
        {t(`${ns}.${v}`)}
      </option>
    ));
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field {...f("nameAr")} dir="rtl" lang="ar" />
      <Field {...f("nameLatin")} dir="ltr" />
      <SelectField {...f("outcome")} required>
        {options(victimOutcomes, "outcomes")}
      </SelectField>
      <SelectField {...f("sex")}>{options(sexes, "sexes")}</SelectField>
      <Field {...f("age")} inputMode="numeric" dir="ltr" />
      <SelectField {...f("ageGroup")}>{options(ageGroups, "ageGroups")}</SelectField>
      <Field {...f("familyGroup")} />
      <SelectField {...f("identityVerification")}>{options(identityVerifications, "verifications")}</SelectField>
      <ConfidentialBox label={t("victim.confidential")} values={props.values} idPrefix={props.idPrefix} />
    </div>
  );
}

export function SourceFields(props: Props) {
  const t = useTranslations();
  const f = useFieldProps("source", props);
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <SelectField {...f("type")} required>
        {sourceTypes.map((v) => (
          <option key={v} value={v}>
            {t(`sourceTypes.${v}`)}
          </option>
        ))}
      </SelectField>
      <Field {...f("publisher")} />
      <Field {...f("title")} />
      <Field {...f("url")} type="url" dir="ltr" />
      <Field {...f("publishedOn")} type="date" />
      <Field {...f("language")} />
      <ConfidentialBox label={t("source.confidential")} values={props.values} idPrefix={props.idPrefix} />
    </div>
  );
}

export function CommentFields(props: Props) {
  const f = useFieldProps("comment", props);
  return <TextArea {...f("body")} rows={3} />;
}
