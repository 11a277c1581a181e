import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { areaName } from "./place-names";
import type { FieldChange } from "@/db/schema";

type Event = {
  id: number;
  at: Date;
  actorLabel: string;
  action: string;
  entityType: string;
  subject: string | null;
  changes: Record<string, FieldChange> | null;
  reason: string | null;
};

/** Coded fields and the catalogue namespace their values are named in. */
const vocabularyOf: Record<string, string> = {
  stage: "stages",
  country: "countries",
  belligerents: "belligerents",
  means: "means",
  civilianObjects: "civilianObjects",
  locationAccuracy: "locationAccuracy",
  sex: "sexes",
  ageGroup: "ageGroups",
  outcome: "outcomes",
  identityVerification: "verifications",
  type: "sourceTypes",
  "redress.type": "redressTypes",
  grading: "gradings",
  method: "assessmentMethods",
  kind: "sendingKinds",
  channel: "channels",
  answer: "answers",
  nonCredibleReason: "nonCredibleReasons",
  closingReason: "closingReasons",
  status: "redressStatuses",
};

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);
}

/** The trail in plain language, newest first: "Karim changed the allegation — Killed, maximum: from 32 to 35". */
export async function CaseTrail({ events }: { events: Event[] }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const label = (entity: string, field: string) => {
    const harm = /^(.*)(Min|Max)$/.exec(field);
    if (entity === "case" && harm && t.has(`harm.${harm[1]}`)) {
      return t(harm[2] === "Min" ? "caseForm.minOf" : "caseForm.maxOf", { what: t(`harm.${harm[1]}`) });
    }
    for (const key of [`${entity}.${field}`, `caseForm.${field}`, `lifecycle.${field}`]) if (t.has(key)) return t(key);
    return field;
  };
  const value = (entity: string, field: string, v: unknown): string => {
    if (isEmpty(v)) return t("trail.empty");
    if (typeof v === "boolean") return v ? t("trail.yes") : t("trail.no");
    if (Array.isArray(v)) return v.map((item) => value(entity, field, item)).join(", ");
    if (field === "governoratePcode" || field === "districtPcode") return areaName(String(v), locale);
    const ns = vocabularyOf[`${entity}.${field}`] ?? vocabularyOf[field];
    return ns && t.has(`${ns}.${String(v)}`) ? t(`${ns}.${String(v)}`) : String(v);
  };
  const headline = (e: Event) => {
    const key = `trail.${e.action}`;
    return t.has(key) ? t(key, { actor: e.actorLabel, subject: e.subject ?? "" }) : t("trail.other", { actor: e.actorLabel, action: e.action });
  };
  const isCreation = (e: Event) => e.action.endsWith(".created") || e.action.endsWith(".added");
  return (
    <ol className="flex flex-col gap-3" data-testid="case-trail">
      {events.map((e) => (
        <li key={e.id} className="border-s-4 border-slate-300 ps-3">
          <p>
            <span className="font-medium">{headline(e)}</span>{" "}
            <time dateTime={e.at.toISOString()} className="text-sm text-slate-600">
              {format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}
            </time>
          </p>
          {e.changes && !e.action.startsWith("case.created") ? (
            <ul className="text-sm text-slate-800">
              {Object.entries(e.changes)
                .filter(([, change]) => !(isCreation(e) && isEmpty(change.to)))
                .map(([field, change]) => (
                  <li key={field}>
                    {isCreation(e) && isEmpty(change.from)
                      ? t("trail.set", { field: label(e.entityType, field), to: value(e.entityType, field, change.to) })
                      : change.to === null
                        ? t("trail.cleared", { field: label(e.entityType, field), from: value(e.entityType, field, change.from) })
                        : t("trail.change", { field: label(e.entityType, field), from: value(e.entityType, field, change.from), to: value(e.entityType, field, change.to) })}
                  </li>
                ))}
            </ul>
          ) : null}
          {e.reason ? <p className="text-sm italic">{t("trail.reason", { reason: e.reason })}</p> : null}
        </li>
      ))}
    </ol>
  );
}
