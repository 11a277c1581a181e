import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { catalogues } from "./catalogues";
import { isLocale, localeFromAcceptLanguage, LOCALE_COOKIE, type Locale } from "./locales";

export default getRequestConfig(async () => {
  const remembered = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale: Locale = isLocale(remembered) ? remembered : localeFromAcceptLanguage((await headers()).get("accept-language"));
  return {
    locale,
    messages: catalogues[locale],
    timeZone: "UTC",
  };
});
