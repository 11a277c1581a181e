import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { UserSummary } from "@/lib/users/queries";

export async function AccountsTable({ users }: { users: UserSummary[] }) {
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <table className="w-full border-collapse text-start">
      <caption className="sr-only">{t("accounts.listCaption")}</caption>
      <thead>
        <tr className="border-b border-slate-400 text-sm text-slate-700">
          <th scope="col" className="py-2 pe-3 text-start">{t("accounts.name")}</th>
          <th scope="col" className="py-2 pe-3 text-start">{t("accounts.email")}</th>
          <th scope="col" className="py-2 pe-3 text-start">{t("accounts.role")}</th>
          <th scope="col" className="py-2 pe-3 text-start">{t("accounts.status")}</th>
          <th scope="col" className="py-2 pe-3 text-start">{t("accounts.twoFactor")}</th>
          <th scope="col" className="py-2 pe-3 text-start">{t("accounts.created")}</th>
          <th scope="col" className="py-2 text-start"><span className="sr-only">{t("accounts.open")}</span></th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.id} className="border-b border-slate-200" data-testid="account-row">
            <td className="py-2 pe-3 font-medium">{u.name}</td>
            <td className="py-2 pe-3"><span dir="ltr">{u.email}</span></td>
            <td className="py-2 pe-3">{t(`roles.${u.role}`)}</td>
            <td className="py-2 pe-3">
              {u.disabled ? (
                <span className="rounded bg-red-100 px-2 py-0.5 text-red-900">{t("accounts.disabled")}</span>
              ) : (
                <span className="rounded bg-emerald-100 px-2 py-0.5 text-emerald-900">{t("accounts.active")}</span>
              )}
            </td>
            <td className="py-2 pe-3 text-sm">{u.twoFactor ? t("accounts.twoFactorOn") : t("accounts.twoFactorOff")}</td>
            <td className="py-2 pe-3 text-sm">{format.dateTime(u.createdAt, { dateStyle: "medium" })}</td>
            <td className="py-2">
              <Link
                href={`/admin/accounts/${u.id}`}
                aria-label={t("accounts.openAccount", { name: u.name })}
                className="text-sky-800 underline"
              >
                {t("accounts.open")}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
