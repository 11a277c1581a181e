"use client";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState, useState } from "react";
import { CheckboxGroup } from "@/components/ui/CheckboxGroup";
import { Field } from "@/components/ui/Field";
import { Fieldset } from "@/components/ui/Fieldset";
import { FormMessage } from "@/components/ui/FormMessage";
import { SelectField } from "@/components/ui/SelectField";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { TextArea } from "@/components/ui/TextArea";
import { harmRanges } from "@/lib/cases/harm";
import { belligerents, civilianObjects, countries, locationAccuracies, means } from "@/lib/cases/vocabulary";
import { idle, listValue, textValue, type FormState, type FormValues } from "@/lib/form-state";
import { countryAreas } from "@/lib/places/admin-areas";
import { DuplicateHints } from "./DuplicateHints";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

type Props = {
  action: Action;
  /** The saved values when editing; empty when filing. */
  initial: FormValues;
  mode: "create" | "edit";
  caseId?: string;
  version?: number;
  cancelHref: string;
};

/** Every field of an allegation; the same form files a new case and edits one. */
export function CaseForm({ action, initial, mode, caseId, version, cancelHref }: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const [state, formAction] = useActionState(action, idle);
  const values = state.status === "error" && state.values ? state.values : initial;
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const text = (key: string) => textValue(values, key) ?? "";
  const [country, setCountry] = useState(text("country"));
  const [governorate, setGovernorate] = useState(text("governoratePcode"));
  const [precision, setPrecision] = useState(text("datePrecision") || "day");
  const [probe, setProbe] = useState({ from: text("incidentDateFrom"), to: text("incidentDateTo"), lat: text("latitude"), lon: text("longitude") });
  const governorates = countryAreas.find((c) => c.pcode === country)?.governorates ?? [];
  const districts = governorates.find((g) => g.pcode === governorate)?.districts ?? [];
  const name = (a: { nameEn: string; nameAr: string }) => (locale === "ar" ? a.nameAr : a.nameEn);
  const field = (key: string, label?: string) => ({
    name: key,
    label: label ?? t(`caseForm.${key}`),
    defaultValue: text(key),
    errors: errors?.[key],
  });
  const staleMessage =
    state.status === "error" && state.error === "staleVersion" && state.params
      ? t("errors.staleVersion", { name: state.params.name, at: new Date(state.params.at).toLocaleString(locale) })
      : null;

  return (
    <form
      action={formAction}
      noValidate
      className="flex flex-col gap-6"
      key={JSON.stringify(state)}
      onChange={(e) => {
        const el = e.target;
        if (!(el instanceof HTMLInputElement) || !el.form) return;
        if (!["incidentDateFrom", "incidentDateTo", "latitude", "longitude"].includes(el.name)) return;
        const data = new FormData(el.form);
        const v = (n: string) => String(data.get(n) ?? "");
        setProbe({ from: v("incidentDateFrom"), to: v("incidentDateTo"), lat: v("latitude"), lon: v("longitude") });
      }}
    >
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      {staleMessage ? (
        <p role="alert" className="rounded border border-red-700 bg-red-50 px-3 py-2 text-red-900" data-testid="stale-message">
          {staleMessage}
        </p>
      ) : (
        <FormMessage state={state} />
      )}

      <Fieldset legend={t("caseForm.basics")}>
        <Field {...field("title")} help={t("caseForm.titleHelp")} required />
        <Field {...field("externalCodes")} dir="ltr" help={t("caseForm.externalCodesHelp")} />
      </Fieldset>

      <Fieldset legend={t("caseForm.when")}>
        <SelectField
          name="datePrecision"
          label={t("caseForm.datePrecision")}
          value={precision}
          onChange={(e) => setPrecision(e.target.value)}
          errors={errors?.datePrecision}
        >
          <option value="day">{t("caseForm.precisionDay")}</option>
          <option value="range">{t("caseForm.precisionRange")}</option>
        </SelectField>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field {...field("incidentDateFrom")} type="date" required />
          {precision === "range" ? <Field {...field("incidentDateTo")} type="date" required /> : null}
        </div>
      </Fieldset>

      <Fieldset legend={t("caseForm.where")}>
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField
            name="country"
            label={t("caseForm.country")}
            value={country}
            onChange={(e) => {
              setCountry(e.target.value);
              setGovernorate("");
            }}
            errors={errors?.country}
            required
          >
            <option value="">{t("caseForm.chooseCountry")}</option>
            {countries.map((c) => (
              <option key={c} value={c}>
                {t(`countries.${c}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            name="governoratePcode"
            label={t("caseForm.governorate")}
            value={governorate}
            onChange={(e) => setGovernorate(e.target.value)}
            errors={errors?.governoratePcode}
            required
          >
            <option value="">{t("caseForm.chooseGovernorate")}</option>
            {governorates.map((g) => (
              <option key={g.pcode} value={g.pcode}>
                {name(g)}
              </option>
            ))}
          </SelectField>
          <SelectField name="districtPcode" label={t("caseForm.district")} defaultValue={text("districtPcode")} errors={errors?.districtPcode} key={governorate}>
            <option value="">{t("caseForm.anyDistrict")}</option>
            {districts.map((d) => (
              <option key={d.pcode} value={d.pcode}>
                {name(d)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field {...field("localityEn")} dir="ltr" />
          <Field {...field("localityAr")} dir="rtl" lang="ar" />
          <Field {...field("neighbourhoodEn")} dir="ltr" />
          <Field {...field("neighbourhoodAr")} dir="rtl" lang="ar" />
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field {...field("latitude")} inputMode="decimal" dir="ltr" help={t("caseForm.coordinatesHelp")} />
          <Field {...field("longitude")} inputMode="decimal" dir="ltr" />
          <SelectField name="locationAccuracy" label={t("caseForm.locationAccuracy")} defaultValue={text("locationAccuracy")} errors={errors?.locationAccuracy}>
            <option value="">{t("caseForm.notGiven")}</option>
            {locationAccuracies.map((a) => (
              <option key={a} value={a}>
                {t(`locationAccuracy.${a}`)}
              </option>
            ))}
          </SelectField>
        </div>
      </Fieldset>


      <Fieldset legend={t("caseForm.who")}>
        <CheckboxGroup
          name="belligerents"
          legend={t("caseForm.belligerents")}
          options={belligerents.map((b) => ({ value: b, label: t(`belligerents.${b}`) }))}
          checked={listValue(values, "belligerents") ?? []}
          errors={errors?.belligerents}
        />
        <CheckboxGroup
          name="means"
          legend={t("caseForm.means")}
          options={means.map((m) => ({ value: m, label: t(`means.${m}`) }))}
          checked={listValue(values, "means") ?? []}
          errors={errors?.means}
        />
      </Fieldset>

      <Fieldset legend={t("caseForm.harm")} help={t("caseForm.harmHelp")}>
        <div className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
          {harmRanges.map((range) => (
            <div key={range} className="grid grid-cols-2 gap-2">
              <Field {...field(`${range}Min`, t("caseForm.minOf", { what: t(`harm.${range}`) }))} inputMode="numeric" dir="ltr" />
              <Field {...field(`${range}Max`, t("caseForm.maxOf", { what: t(`harm.${range}`) }))} inputMode="numeric" dir="ltr" />
            </div>
          ))}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field {...field("detentions")} inputMode="numeric" dir="ltr" />
          <Field {...field("displaced")} inputMode="numeric" dir="ltr" />
        </div>
        <CheckboxGroup
          name="civilianObjects"
          legend={t("caseForm.civilianObjects")}
          options={civilianObjects.map((o) => ({ value: o, label: t(`civilianObjects.${o}`) }))}
          checked={listValue(values, "civilianObjects") ?? []}
          errors={errors?.civilianObjects}
        />
        <label className="flex items-center gap-2">
          <input type="hidden" name="incendiaryWeapons" value="false" />
          <input type="checkbox" name="incendiaryWeapons" value="true" defaultChecked={text("incendiaryWeapons") === "true"} className="size-4" />
          {t("caseForm.incendiaryWeapons")}
        </label>
      </Fieldset>

      <Fieldset legend={t("caseForm.narrative")}>
        <TextArea name="narrative" label={t("caseForm.narrative")} help={t("caseForm.narrativeHelp")} defaultValue={text("narrative")} errors={errors?.narrative} rows={8} />
        <Field {...field("tags")} help={t("caseForm.tagsHelp")} />
        {mode === "edit" ? <Field {...field("reason")} help={t("caseForm.reasonHelp")} /> : null}
      </Fieldset>

      <div className="flex flex-wrap gap-3">
        <SubmitButton pendingLabel={mode === "create" ? t("caseForm.submitting") : t("caseForm.saving")}>
          {mode === "create" ? t("caseForm.submit") : t("caseForm.save")}
        </SubmitButton>
        <Link href={cancelHref} className="rounded border border-slate-500 px-4 py-2 hover:bg-slate-100">
          {t("caseForm.cancel")}
        </Link>
      </div>

      {/* Last, so that hints arriving while the form is filled never move a field from under the pointer. */}
      <DuplicateHints
        caseId={caseId}
        governoratePcode={governorate}
        from={probe.from}
        to={precision === "range" ? probe.to : probe.from}
        latitude={probe.lat}
        longitude={probe.lon}
      />
    </form>
  );
}
