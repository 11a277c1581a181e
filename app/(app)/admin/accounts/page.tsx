import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { AccountsTable } from "@/components/admin/AccountsTable";
import { CreateAccountForm } from "@/components/admin/CreateAccountForm";
import { TwoFactorPolicyForm } from "@/components/admin/TwoFactorPolicyForm";
import { Panel } from "@/components/ui/Panel";
import { twoFactorPolicy } from "@/lib/auth/two-factor";
import { requirePermission } from "@/lib/auth/current-actor";
import { listUsers } from "@/lib/users/queries";
import { createAccountAction, setTwoFactorRequirementAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts"))("title") };
}

export default async function AccountsPage() {
  const actor = await requirePermission("user:manage");
  const [users, { required }] = await Promise.all([listUsers(db(), actor), twoFactorPolicy(db(), actor)]);
  const t = await getTranslations("accounts");
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="accounts-list" className="overflow-x-auto rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="accounts-list" className="mb-2 text-lg font-semibold">
            {t("listCaption")} <span className="text-sm font-normal text-slate-600">({t("count", { count: users.length })})</span>
          </h2>
          <AccountsTable users={users} />
        </section>
        <section aria-labelledby="new-account" className="rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="new-account" className="mb-3 text-lg font-semibold">
            {t("newAccount")}
          </h2>
          <CreateAccountForm action={createAccountAction} />
        </section>
        <Panel title={t("policyTitle")} id="sign-in-policy" className="lg:col-start-2">
          <TwoFactorPolicyForm
            action={setTwoFactorRequirementAction}
            required={required}
            withoutCount={users.filter((u) => !u.disabled && !u.twoFactor).length}
          />
        </Panel>
      </div>
    </div>
  );
}
