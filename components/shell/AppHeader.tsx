import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { can, type Actor } from "@/lib/auth/actor";
import { LanguageSwitch } from "./LanguageSwitch";
import { navItems } from "./nav-items";
import { NavLinks } from "./NavLinks";
import { SignOutButton } from "./SignOutButton";

export async function AppHeader({ actor }: { actor: Actor }) {
  const t = await getTranslations();
  const links = navItems
    .filter((item) => item.permission === null || can(actor, item.permission))
    .map((item) => ({ href: item.href, label: t(`nav.${item.labelKey}`) }));
  return (
    <header className="border-b border-slate-300 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-slate-900">
          {t("app.name")}
        </Link>
        <NavLinks label={t("nav.label")} links={links} />
        <div className="ms-auto flex flex-wrap items-center gap-3">
          <p className="text-sm" data-testid="signed-in-user">
            <span className="sr-only">{t("shell.signedInAs")} </span>
            <span className="font-medium">{actor.name}</span>{" "}
            <span className="rounded bg-slate-200 px-2 py-0.5 text-slate-800" data-testid="signed-in-role">
              {t(`roles.${actor.role}`)}
            </span>
          </p>
          <LanguageSwitch />
          <SignOutButton label={t("shell.signOut")} />
        </div>
      </div>
    </header>
  );
}
