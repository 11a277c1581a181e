import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { db } from "@/db/client";
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
          <section aria-labelledby="renew-codes" className="rounded-lg border border-slate-300 bg-white p-4">
            <h2 id="renew-codes" className="mb-3 text-lg font-semibold">
              {t("renewTitle")}
            </h2>
            <RenewRecoveryCodesForm action={renewRecoveryCodesAction} />
          </section>
          <section aria-labelledby="turn-off" className="rounded-lg border border-slate-300 bg-white p-4">
            <h2 id="turn-off" className="mb-3 text-lg font-semibold">
              {t("turnOffTitle")}
            </h2>
            {overview.required ? <p className="text-slate-700">{t("requiredNoOff")}</p> : <DisableTwoFactorForm action={disableTwoFactorAction} />}
          </section>
        </>
      ) : (
        <section aria-labelledby="set-up" className="rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="set-up" className="mb-3 text-lg font-semibold">
            {t("setUpTitle")}
          </h2>
          <EnableTwoFactorForm action={enableTwoFactorAction} enrolment={await startEnrolment(db(), actor)} />
        </section>
      )}
    </div>
  );
}
