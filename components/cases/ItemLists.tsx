"use client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { FormState, FormValues } from "@/lib/form-state";
import { ItemForm } from "./ItemForm";
import { CommentFields, SourceFields, VictimFields } from "./ItemFields";

type Kind = "victim" | "source" | "comment";
type AddAction = (kind: Kind, caseId: string, state: FormState, formData: FormData) => Promise<FormState>;
type ItemAction = (kind: Kind, caseId: string, itemId: string, state: FormState, formData: FormData) => Promise<FormState>;
export type ItemActions = { add: AddAction; change: ItemAction; remove: ItemAction };

type Row = { id: string; values: FormValues; mayChange: boolean; display: ReactNode; name: string };

const fieldsOf = { victim: VictimFields, source: SourceFields, comment: CommentFields };

/** What a new item's choices start at: "unknown" rather than the first option of each list. */
const newItemDefaults: Record<Kind, FormValues> = {
  victim: { outcome: "killed", sex: "unknown", ageGroup: "unknown", identityVerification: "single_source" },
  source: {},
  comment: {},
};

/** The victims, sources or comments of a case: each shown, changed in place or removed; and a form to add one. */
export function ItemList({
  kind,
  caseId,
  rows,
  mayAdd,
  actions,
}: {
  kind: Kind;
  caseId: string;
  rows: Row[];
  mayAdd: boolean;
  actions: ItemActions;
}) {
  const t = useTranslations();
  const Fields = fieldsOf[kind];
  return (
    <div className="flex flex-col gap-4">
      {rows.length === 0 ? <p className="text-slate-700">{t(`${kind}.noneYet`)}</p> : null}
      <ul className="flex flex-col gap-3" data-testid={`${kind}-list`}>
        {rows.map((row) => (
          <li key={row.id} className="rounded border border-slate-200 p-3" data-testid={`${kind}-item`}>
            {row.display}
            {row.mayChange ? (
              <div className="mt-2 flex flex-wrap items-start gap-4">
                <details className="grow">
                  <summary className="cursor-pointer text-sky-800 underline">{t("caseDetail.change")}</summary>
                  <div className="mt-2">
                    <ItemForm action={actions.change.bind(null, kind, caseId, row.id)} submitLabel={t("caseDetail.change")} label={`${t("caseDetail.change")} ${row.name}`}>
                      {(values, errors) => <Fields values={values ?? row.values} errors={errors} idPrefix={`${kind}-${row.id}`} />}
                    </ItemForm>
                  </div>
                </details>
                <ItemForm
                  action={actions.remove.bind(null, kind, caseId, row.id)}
                  submitLabel={t("caseDetail.removeNamed", { name: row.name })}
                  variant="danger"
                />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {mayAdd ? (
        <div className="rounded border border-slate-300 p-3">
          <h3 className="mb-2 font-medium">{t(`${kind}.add`)}</h3>
          <ItemForm action={actions.add.bind(null, kind, caseId)} submitLabel={t(`${kind}.add`)} variant="primary" label={t(`${kind}.add`)}>
            {(values, errors) => <Fields values={values ?? newItemDefaults[kind]} errors={errors} idPrefix={`${kind}-new`} />}
          </ItemForm>
        </div>
      ) : null}
    </div>
  );
}
