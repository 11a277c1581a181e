import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CaseForm } from "@/components/cases/CaseForm";
import { requirePermission } from "@/lib/auth/current-actor";
import { createCaseAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cases"))("new") };
}

export default async function NewCasePage() {
  await requirePermission("case:create");
  const t = await getTranslations("cases");
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("new")}</h1>
        <p className="text-slate-700">{t("newIntro")}</p>
      </div>
      <CaseForm action={createCaseAction} initial={{ datePrecision: "day" }} mode="create" cancelHref="/cases" />
    </div>
  );
}
