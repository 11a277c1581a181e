import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { AccountControls } from "@/components/admin/AccountControls";
import { requirePermission } from "@/lib/auth/current-actor";
import { getUserWithHistory } from "@/lib/users/queries";
import { changeRoleAction, resetPasswordAction, resetTwoFactorAction, setDisabledAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts"))("details") };
}

export default async function AccountPage({ params }: { params: Promise<{ userId: string }> }) {
  const actor = await requirePermission("user:manage");
  const found = await getUserWithHistory(db(), actor, (await params).userId);
  if (!found) notFound();
  const { user, events } = found;
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/admin/accounts" className="text-sky-800 underline">
          {t("accounts.back")}
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-bold">{user.name}</h1>
        <p className="text-slate-700">
          <span dir="ltr">{user.email}</span> · {t(`roles.${user.role}`)} ·{" "}
          <span data-testid="account-status">{user.disabled ? t("accounts.disabled") : t("accounts.active")}</span>
        </p>
      </div>
      <AccountControls
        user={user}
        actions={{ changeRole: changeRoleAction, setDisabled: setDisabledAction, resetPassword: resetPasswordAction, resetTwoFactor: resetTwoFactorAction }}
      />
      <section aria-labelledby="history" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="history" className="mb-2 text-lg font-semibold">
          {t("accounts.history")}
        </h2>
        {events.length === 0 ? (
          <p>{t("accounts.noHistory")}</p>
        ) : (
          <table className="w-full text-start text-sm">
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="py-1 pe-3 text-start">{t("accounts.when")}</th>
                <th scope="col" className="py-1 pe-3 text-start">{t("accounts.who")}</th>
                <th scope="col" className="py-1 text-start">{t("accounts.what")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id} className="border-b border-slate-200">
                  <td className="py-1 pe-3">{format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}</td>
                  <td className="py-1 pe-3">{e.actorLabel}</td>
                  <td className="py-1">{t.has(`actions.${e.action}`) ? t(`actions.${e.action}`) : e.action}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
