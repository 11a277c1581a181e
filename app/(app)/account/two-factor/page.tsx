import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { db } from "@/db/client";
import { Panel } from "@/components/ui/Panel";
import { DisableTwoFactorForm, EnableTwoFactorForm, RenewRecoveryCodesForm } from "@/components/account/TwoFactorForms";
import { requireActor } from "@/lib/auth/current-actor";
import { startEnrolment, twoFactorOverview } from "@/lib/auth/two-factor";
import { disableTwoFactorAction, enableTwoFactorAction, renewRecoveryCodesAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("twoFactor"))("title") };
}

/** Two-factor sign-in for the signed-in person: set it up, or manage it (recovery codes, turning it off). */
export default async function TwoFactorPage() {
  const actor = await requireActor();
  const overview = await twoFactorOverview(db(), actor);
  const t = await getTranslations("twoFactor");
  const format = await getFormatter();
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <p>
        <Link href="/account" className="text-sky-800 underline">
          {t("back")}
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      {overview.enabled ? (
        <>
          <p role="status" data-testid="two-factor-status" className="rounded border border-emerald-700 bg-emerald-50 px-3 py-2 text-emerald-900">
            {t("onSince", { date: format.dateTime(overview.enabledAt ?? new Date(), { dateStyle: "medium", timeStyle: "short" }) })}{" "}
            {t("codesLeft", { count: overview.recoveryCodesLeft })}
          </p>
          <Panel title={t("renewTitle")} id="renew-codes">
            <RenewRecoveryCodesForm action={renewRecoveryCodesAction} />
          </Panel>
          <Panel title={t("turnOffTitle")} id="turn-off">
            {overview.required ? <p className="text-slate-700">{t("requiredNoOff")}</p> : <DisableTwoFactorForm action={disableTwoFactorAction} />}
          </Panel>
        </>
      ) : (
        <Panel title={t("setUpTitle")} id="set-up">
          <EnableTwoFactorForm action={enableTwoFactorAction} enrolment={await startEnrolment(db(), actor)} />
        </Panel>
      )}
    </div>
  );
}
