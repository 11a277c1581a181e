import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/locale-actions";

/** One button that switches to the other language; works without JavaScript too. */
export async function LanguageSwitch() {
  const t = await getTranslations("shell");
  const other = (await getLocale()) === "ar" ? "en" : "ar";
  return (
    <form action={setLocaleAction}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other}
        aria-label={t("switchLanguageLabel")}
        className="rounded border border-slate-400 px-3 py-1 text-sm hover:bg-slate-100 focus:outline-2 focus:outline-sky-700"
      >
        {t("switchLanguage")}
      </button>
    </form>
  );
}
