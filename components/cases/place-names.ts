import { countryAreas, districtOf, governorateOf } from "@/lib/places/admin-areas";
import type { Locale } from "@/lib/i18n/locales";

/** A place's name in the reader's language, falling back to the other language, then to its code. */
export function areaName(pcode: string | null | undefined, locale: Locale): string {
  if (!pcode) return "";
  const area = governorateOf(pcode) ?? districtOf(pcode)?.district ?? countryAreas.find((c) => c.pcode === pcode);
  if (!area) return pcode;
  return (locale === "ar" ? area.nameAr : area.nameEn) || area.nameEn || pcode;
}
