import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { forbidden, notFound } from "next/navigation";
import { db } from "@/db/client";
import { CaseForm } from "@/components/cases/CaseForm";
import { requirePermission } from "@/lib/auth/current-actor";
import { mayEditCase } from "@/lib/cases/access";
import { caseToFormValues } from "@/lib/cases/form-values";
import { getCase } from "@/lib/cases/queries";
import { updateCaseAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("caseForm"))("save") };
}

export default async function EditCasePage({ params }: { params: Promise<{ caseId: string }> }) {
  const actor = await requirePermission("case:read");
  const c = await getCase(db(), actor, (await params).caseId);
  if (!c) notFound();
  if (!mayEditCase(actor, c)) forbidden();
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <h1 className="text-2xl font-bold">
        <span dir="ltr">{c.reference}</span> · {c.title}
      </h1>
      <CaseForm
        action={updateCaseAction.bind(null, c.id)}
        initial={caseToFormValues(c)}
        mode="edit"
        caseId={c.id}
        version={c.version}
        cancelHref={`/cases/${c.id}`}
      />
    </div>
  );
}
