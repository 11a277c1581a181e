import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/LoginForm";
import { LanguageSwitch } from "@/components/shell/LanguageSwitch";
import { getActor } from "@/lib/auth/current-actor";
import { safeReturnPath } from "@/lib/auth/return-path";
import { signInAction, type SignInState } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

type SearchParams = Promise<{ callbackUrl?: string; code?: string }>;

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  if (await getActor()) redirect(callbackUrl);
  const t = await getTranslations();
  // A sign-in posted straight to the auth endpoint comes back here with ?code=…
  const initialError = (["invalid", "disabled", "throttled", "secondFactor"] as const).find((c) => c === params.code) as SignInState["error"];
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 px-4 py-10">
      <div className="flex items-center justify-between gap-4">
        <p className="text-lg font-semibold">{t("app.name")}</p>
        <LanguageSwitch />
      </div>
      <section className="rounded-lg border border-slate-300 bg-white p-6 shadow-sm" aria-labelledby="login-title">
        <h1 id="login-title" className="mb-1 text-2xl font-bold">
          {t("login.title")}
        </h1>
        <p className="mb-6 text-slate-700">{t("login.intro")}</p>
        <LoginForm action={signInAction} callbackUrl={callbackUrl} initialError={initialError} />
      </section>
    </main>
  );
}
