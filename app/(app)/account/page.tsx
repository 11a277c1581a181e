import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { db } from "@/db/client";
import { CreateTokenForm } from "@/components/account/CreateTokenForm";
import { TokenTable } from "@/components/account/TokenTable";
import { requireActor } from "@/lib/auth/current-actor";
import { twoFactorOverview } from "@/lib/auth/two-factor";
import { listTokens } from "@/lib/tokens/tokens";
import { createTokenAction, revokeTokenAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

/** Every signed-in person: their details and their personal API tokens. */
export default async function AccountPage() {
  const actor = await requireActor();
  const [tokens, twoFactor] = await Promise.all([listTokens(db(), actor), twoFactorOverview(db(), actor)]);
  const t = await getTranslations();
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost";
  const proto = requestHeaders.get("x-forwarded-proto") ?? (/^(localhost|127\.|\[::1\])/.test(host) ? "http" : "https");
  const example = `curl -H "Authorization: Bearer cht_…" ${proto}://${host}/api/v1/cases?q=raqqa`;
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-2xl font-bold">{t("account.title")}</h1>
        <p className="text-slate-700">{t("account.intro")}</p>
      </div>
      <section aria-labelledby="profile" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="profile" className="mb-3 text-lg font-semibold">
          {t("account.profile")}
        </h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
          <dt className="text-slate-700">{t("account.name")}</dt>
          <dd className="font-medium" data-testid="account-name">{actor.name}</dd>
          <dt className="text-slate-700">{t("account.email")}</dt>
          <dd data-testid="account-email">
            <span dir="ltr">{actor.email}</span>
          </dd>
          <dt className="text-slate-700">{t("account.role")}</dt>
          <dd data-testid="account-role">{t(`roles.${actor.role}`)}</dd>
        </dl>
      </section>
      <section aria-labelledby="two-factor" className="flex flex-col items-start gap-2 rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="two-factor" className="text-lg font-semibold">
          {t("twoFactor.title")}
        </h2>
        <p data-testid="two-factor-summary">{twoFactor.enabled ? t("twoFactor.summaryOn", { count: twoFactor.recoveryCodesLeft }) : t("twoFactor.summaryOff")}</p>
        <a href="/account/two-factor" className="text-sky-800 underline">
          {twoFactor.enabled ? t("twoFactor.manage") : t("twoFactor.setUp")}
        </a>
      </section>
      <section aria-labelledby="tokens" className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4">
        <div>
          <h2 id="tokens" className="mb-1 text-lg font-semibold">
            {t("account.tokensTitle")}
          </h2>
          <p className="max-w-prose text-slate-700">{t("account.tokensHelp")}</p>
          <p className="mt-2 text-sm">
            <a href="/api/v1/openapi.json" className="text-sky-800 underline">
              {t("account.docs")}
            </a>
          </p>
          <p className="mt-2 text-sm text-slate-700">{t("account.example")}</p>
          <pre dir="ltr" className="overflow-x-auto rounded bg-slate-100 p-2 text-start text-sm">
            <code>{example}</code>
          </pre>
        </div>
        <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
          <div className="overflow-x-auto">
            <h3 className="mb-2 font-semibold">{t("account.tokensCaption")}</h3>
            <TokenTable tokens={tokens} revokeAction={revokeTokenAction} />
          </div>
          <div>
            <h3 className="mb-2 font-semibold">{t("account.newToken")}</h3>
            <CreateTokenForm action={createTokenAction} />
          </div>
        </div>
      </section>
    </div>
  );
}
