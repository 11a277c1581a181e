import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/AppHeader";
import { requireActor } from "@/lib/auth/current-actor";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const t = await getTranslations("app");
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-2"
      >
        {t("skipToContent")}
      </a>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
