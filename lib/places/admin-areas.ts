import data from "./admin-areas.json";

export type Area = { pcode: string; nameEn: string; nameAr: string };
export type Governorate = Area & { country: string; districts: Area[] };

// Names as OCHA publishes them, with stray spaces (a leading no-break space in one Iraqi name) trimmed for display.
const area = (a: { pcode: string; name_en: string; name_ar: string }): Area => ({
  pcode: a.pcode,
  nameEn: a.name_en.trim(),
  nameAr: a.name_ar.trim(),
});

export const countryAreas: (Area & { governorates: Governorate[] })[] = data.countries.map((c) => ({
  pcode: c.code,
  nameEn: c.name_en,
  nameAr: c.name_ar,
  governorates: c.governorates.map((g) => ({ ...area(g), country: c.code, districts: g.districts.map(area) })),
}));

const governorates = new Map(countryAreas.flatMap((c) => c.governorates.map((g) => [g.pcode, g] as const)));
const districtParents = new Map(
  countryAreas.flatMap((c) => c.governorates.flatMap((g) => g.districts.map((d) => [d.pcode, { district: d, governorate: g }] as const))),
);

export function governorateOf(pcode: string): Governorate | undefined {
  return governorates.get(pcode);
}

export function districtOf(pcode: string): { district: Area; governorate: Governorate } | undefined {
  return districtParents.get(pcode);
}
