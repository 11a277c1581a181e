import { createTranslator } from "next-intl";
import { catalogues } from "./catalogues";
import type { Locale } from "./locales";

/**
 * A translator for keys of the catalogues, by their dotted path. The catalogues are merged at
 * run time (lib/i18n/catalogues.ts), so next-intl cannot type their keys: code that builds keys
 * from data (a stage, a belligerent) takes this plain signature, and a missing key shows in the
 * catalogue tests rather than at compile time.
 */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The translator of a language outside a request (the API, files, the command line). */
export function translatorFor(locale: Locale): Translate {
  const t = createTranslator({ locale, messages: catalogues[locale] });
  return (key, values) => t(key as never, values as never);
}
