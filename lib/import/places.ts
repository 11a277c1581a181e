import { countryAreas, type Area } from "@/lib/places/admin-areas";
import { editDistance, placeKey, placeSkeleton } from "./name-matching";

/** A place name from a file, told as a p-code; or not, with the closest name to suggest. */
export type PlaceMatch = { ok: true; pcode: string } | { ok: false; suggestion: Area | null };

/** Other names a governorate is widely known by, beside OCHA's spelling of its name. */
const EXONYMS: Record<string, string[]> = {
  SY02: ["Halab"],
  SY03: ["Rif Dimashq", "Damascus Countryside", "Reef Damascus"],
  SY06: ["Latakia"],
  IQG15: ["Nineveh", "Ninawa"],
  IQG06: ["Sulaimaniya", "Slemani"],
  IQG11: ["Arbil", "Hawler"],
  IQG17: ["Dhi Qar"],
};

type Candidate = Area & { aliases: string[]; parent?: string };

/** Looks names up among candidates: by p-code, by key, then by skeleton when only one candidate has it. */
class PlaceIndex {
  private readonly byCode = new Map<string, Candidate>();
  private readonly byKey = new Map<string, Set<Candidate>>();
  private readonly bySkeleton = new Map<string, Set<Candidate>>();

  constructor(private readonly candidates: Candidate[]) {
    for (const c of candidates) {
      this.byCode.set(c.pcode.toLowerCase(), c);
      for (const name of [c.nameEn, c.nameAr, ...c.aliases]) {
        add(this.byKey, placeKey(name), c);
        add(this.bySkeleton, placeSkeleton(name), c);
      }
    }
  }

  match(value: string, within: (c: Candidate) => boolean = () => true): PlaceMatch {
    const code = this.byCode.get(value.trim().toLowerCase());
    if (code && within(code)) return { ok: true, pcode: code.pcode };
    for (const [index, key] of [
      [this.byKey, placeKey(value)],
      [this.bySkeleton, placeSkeleton(value)],
    ] as const) {
      const found = [...(index.get(key) ?? [])].filter(within);
      if (key && found.length === 1) return { ok: true, pcode: found[0].pcode };
    }
    return { ok: false, suggestion: this.closest(value, within) };
  }

  private closest(value: string, within: (c: Candidate) => boolean): Area | null {
    const key = placeKey(value);
    if (!key) return null;
    let best: { area: Candidate; distance: number } | null = null;
    for (const c of this.candidates.filter(within)) {
      for (const name of [c.nameEn, c.nameAr, ...c.aliases]) {
        const distance = editDistance(key, placeKey(name));
        if (!best || distance < best.distance) best = { area: c, distance };
      }
    }
    // A suggestion, never a match: only when it is near enough to be what was meant.
    return best && best.distance <= Math.max(2, Math.floor(key.length / 3)) ? { pcode: best.area.pcode, nameEn: best.area.nameEn, nameAr: best.area.nameAr } : null;
  }
}

function add(map: Map<string, Set<Candidate>>, key: string, c: Candidate) {
  if (!key) return;
  const set = map.get(key) ?? new Set();
  set.add(c);
  map.set(key, set);
}

const governorates = new PlaceIndex(
  countryAreas.flatMap((country) => country.governorates.map((g) => ({ ...g, aliases: EXONYMS[g.pcode] ?? [], parent: country.pcode }))),
);
const districts = new PlaceIndex(
  countryAreas.flatMap((country) => country.governorates.flatMap((g) => g.districts.map((d) => ({ ...d, aliases: [], parent: g.pcode })))),
);

/** A governorate by p-code or name in English or Arabic, within one country when it is known. */
export function matchGovernorate(value: string, country?: string): PlaceMatch {
  return governorates.match(value, (c) => !country || c.parent === country);
}

/** A district by p-code or name, within one governorate when it is known. */
export function matchDistrict(value: string, governoratePcode?: string): PlaceMatch {
  return districts.match(value, (c) => !governoratePcode || c.parent === governoratePcode);
}
