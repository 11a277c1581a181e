import type { Belligerent, CivilianObject, Means, SourceType } from "@/lib/cases/vocabulary";

/**
 * Compact descriptions of the demo allegations, turned into what a person would enter in the forms
 * (the inputs of createCase, victimCommands.add and sourceCommands.add). Every place, person,
 * publisher, code and address here is invented for the demonstration; the incidents are modelled on
 * the kind of events in the public record (docs in DOMAIN.md), not copied from it.
 */
export type Input = Record<string, unknown>;
export type DemoCase = { filedBy: "staff" | "reviewer"; input: Input; victims: Input[]; sources: Input[] };

type Range<T = number> = readonly [T, T];
export type Place = {
  governoratePcode: string;
  districtPcode: string;
  localityEn: string;
  localityAr: string;
  neighbourhoodEn?: string;
  neighbourhoodAr?: string;
};

export type CaseSpec = {
  title: string;
  /** A day, or the first and last day when only the week or month is known. */
  date: string | Range<string>;
  place: Place;
  at?: readonly [latitude: number, longitude: number, accuracy: "locality" | "neighbourhood" | "street" | "exact"];
  belligerents: Belligerent[];
  means: Means[];
  killed?: Range;
  children?: Range;
  women?: Range;
  men?: Range;
  injured?: Range;
  injuredChildren?: Range;
  displaced?: number;
  detentions?: number;
  objects?: CivilianObject[];
  incendiary?: boolean;
  narrative: string;
  tags: string[];
  codes?: string[];
  filedBy?: "staff" | "reviewer";
  victims?: Input[];
  sources: Input[];
};

const range = (name: string, r: Range | undefined): Input => (r ? { [`${name}Min`]: r[0], [`${name}Max`]: r[1] } : {});

/** The form values of an allegation; every demo case is tagged "demo" so it can be told apart and filtered out. */
export function caseInput(spec: CaseSpec): Input {
  const [from, to] = typeof spec.date === "string" ? [spec.date, ""] : spec.date;
  return {
    title: spec.title,
    externalCodes: spec.codes ?? [],
    incidentDateFrom: from,
    incidentDateTo: to,
    datePrecision: to ? "range" : "day",
    country: spec.place.governoratePcode.startsWith("IQ") ? "IQ" : "SY",
    ...spec.place,
    latitude: spec.at?.[0] ?? null,
    longitude: spec.at?.[1] ?? null,
    locationAccuracy: spec.at?.[2] ?? null,
    belligerents: spec.belligerents,
    means: spec.means,
    ...range("killed", spec.killed),
    ...range("killedChildren", spec.children),
    ...range("killedWomen", spec.women),
    ...range("killedMen", spec.men),
    ...range("injured", spec.injured),
    ...range("injuredChildren", spec.injuredChildren),
    detentions: spec.detentions ?? null,
    displaced: spec.displaced ?? null,
    civilianObjects: spec.objects ?? [],
    incendiaryWeapons: spec.incendiary ?? false,
    narrative: spec.narrative,
    tags: [...new Set(["demo", ...spec.tags])],
  };
}

export function demoCase(spec: CaseSpec): DemoCase {
  return { filedBy: spec.filedBy ?? "staff", input: caseInput(spec), victims: spec.victims ?? [], sources: spec.sources };
}

type VictimExtra = { family?: string; verified?: "direct" | "multiple_sources" | "single_source"; confidential?: boolean };

/** A named victim; either name may be missing (many are known only in Arabic). Age as a number, or only its group. */
export function victim(
  nameAr: string | null,
  nameLatin: string | null,
  sex: "female" | "male" | "unknown",
  age: number | "child" | "adult" | null,
  outcome: "killed" | "injured" | "detained" | "disappeared",
  extra: VictimExtra = {},
): Input {
  return {
    nameAr,
    nameLatin,
    sex,
    age: typeof age === "number" ? age : null,
    ageGroup: typeof age === "number" ? (age < 18 ? "child" : "adult") : (age ?? "unknown"),
    outcome,
    familyGroup: extra.family ?? null,
    identityVerification: extra.verified ?? "single_source",
    confidential: extra.confidential ?? false,
  };
}

export function source(
  type: SourceType,
  publisher: string | null,
  title: string,
  url: string | null,
  publishedOn: string | null,
  language: "ar" | "en",
  confidential = false,
): Input {
  return { type, publisher, title, url, publishedOn, language, confidential };
}

/** An interview by the (invented) demo field team: the witness's identity stays confidential. */
export function testimony(title: string, on: string): Input {
  return source("witness_testimony", "Demo field team", title, null, on, "ar", true);
}

export const places = {
  raqqa: (neighbourhoodEn?: string, neighbourhoodAr?: string): Place => ({
    governoratePcode: "SY11",
    districtPcode: "SY1101",
    localityEn: "Raqqa city",
    localityAr: "مدينة الرقة",
    ...(neighbourhoodEn ? { neighbourhoodEn, neighbourhoodAr } : {}),
  }),
  mosul: (neighbourhoodEn?: string, neighbourhoodAr?: string): Place => ({
    governoratePcode: "IQG15",
    districtPcode: "IQG15Q05",
    localityEn: "Mosul",
    localityAr: "الموصل",
    ...(neighbourhoodEn ? { neighbourhoodEn, neighbourhoodAr } : {}),
  }),
  at: (governoratePcode: string, districtPcode: string, localityEn: string, localityAr: string): Place => ({
    governoratePcode,
    districtPcode,
    localityEn,
    localityAr,
  }),
};
