import { z } from "zod";
import { blankToNull, coordinate, count, flag, isoDate, list, optionalDate, optionalText, requiredText, text, wordList } from "./schema-parts";
import { districtOf, governorateOf } from "@/lib/places/admin-areas";
import { harmRanges } from "./harm";
import {
  ageGroups,
  belligerents,
  civilianObjects,
  countries,
  datePrecisions,
  identityVerifications,
  locationAccuracies,
  means,
  sexes,
  sourceTypes,
  victimOutcomes,
} from "./vocabulary";

// One schema per form, shared by the form, the server action and the JSON API. Messages are keys
// under "errors." in the catalogues.

const harmFields = {
  killedMin: count,
  killedMax: count,
  killedChildrenMin: count,
  killedChildrenMax: count,
  killedWomenMin: count,
  killedWomenMax: count,
  killedMenMin: count,
  killedMenMax: count,
  injuredMin: count,
  injuredMax: count,
  injuredChildrenMin: count,
  injuredChildrenMax: count,
  injuredWomenMin: count,
  injuredWomenMax: count,
  injuredMenMin: count,
  injuredMenMax: count,
};

export const caseFields = z.object({
  title: requiredText(200),
  externalCodes: wordList,
  incidentDateFrom: isoDate,
  incidentDateTo: optionalDate,
  datePrecision: z.enum(datePrecisions, { error: "required" }),
  country: z.enum(countries, { error: "required" }),
  governoratePcode: z.string({ error: "required" }).min(1, { error: "required" }),
  districtPcode: z.preprocess(blankToNull, z.string().nullable()),
  localityEn: optionalText(200),
  localityAr: optionalText(200),
  neighbourhoodEn: optionalText(200),
  neighbourhoodAr: optionalText(200),
  latitude: coordinate(90),
  longitude: coordinate(180),
  locationAccuracy: z.preprocess(blankToNull, z.enum(locationAccuracies, { error: "invalid" }).nullable()),
  belligerents: list(z.enum(belligerents, { error: "invalid" }), { atLeastOne: true }),
  means: list(z.enum(means, { error: "invalid" }), { atLeastOne: true }),
  ...harmFields,
  detentions: count,
  displaced: count,
  civilianObjects: list(z.enum(civilianObjects, { error: "invalid" })),
  incendiaryWeapons: flag,
  narrative: text(20_000).default(""),
  tags: wordList,
});

type CaseFields = z.output<typeof caseFields>;

/** Rules that tie fields together; each problem is reported on the field a person would correct. */
function checkCase(v: CaseFields, ctx: z.RefinementCtx) {
  const issue = (path: keyof CaseFields, message: string) => {
    // A field that already failed on its own keeps its own message.
    if (!failed.has(path)) ctx.addIssue({ code: "custom", path: [path], message });
  };
  const failed = new Set(ctx.issues.map((i) => String(i.path?.[0])));
  if (v.datePrecision === "range") {
    if (!v.incidentDateTo) issue("incidentDateTo", "required");
    else if (typeof v.incidentDateFrom === "string" && v.incidentDateTo < v.incidentDateFrom) issue("incidentDateTo", "endBeforeStart");
  }
  const governorate = governorateOf(v.governoratePcode);
  if (!governorate || governorate.country !== v.country) issue("governoratePcode", "notInCountry");
  if (v.districtPcode && districtOf(v.districtPcode)?.governorate.pcode !== v.governoratePcode) {
    issue("districtPcode", "notInGovernorate");
  }
  const hasLat = typeof v.latitude === "number";
  const hasLon = typeof v.longitude === "number";
  if (hasLat !== hasLon && v.latitude !== undefined && v.longitude !== undefined) issue(hasLat ? "longitude" : "latitude", "bothCoordinates");
  if (hasLat && hasLon && !v.locationAccuracy) issue("locationAccuracy", "required");
  for (const name of harmRanges) {
    const min = v[`${name}Min`];
    const max = v[`${name}Max`];
    if (typeof min === "number" && typeof max === "number" && min > max) issue(`${name}Max`, "minAboveMax");
  }
  for (const outcome of ["killed", "injured"] as const) {
    // A total given as one figure is a range of one (see caseInput).
    const total = v[`${outcome}Max`] ?? v[`${outcome}Min`];
    if (typeof total !== "number") continue;
    for (const part of ["Children", "Women", "Men"] as const) {
      const min = v[`${outcome}${part}Min`];
      if (typeof min === "number" && min > total) issue(`${outcome}${part}Min`, "partAboveTotal");
    }
  }
}

// The cross-field rules run even when some fields failed, so every problem is reported at once.
// A count given as one figure (only a minimum, or only a maximum) is a range of one: stored with
// both ends, so a sum of minima can never exceed the sum of maxima in the summaries.
export const caseInput = caseFields.superRefine(checkCase, { when: () => true }).transform((v) => {
  const ranges = Object.fromEntries(
    harmRanges.flatMap((name) => {
      const [min, max] = [v[`${name}Min`], v[`${name}Max`]];
      return [
        [`${name}Min`, min ?? max],
        [`${name}Max`, max ?? min],
      ];
    }),
  ) as Pick<CaseFields, `${(typeof harmRanges)[number]}${"Min" | "Max"}`>;
  return {
    ...v,
    ...ranges,
    incidentDateTo: v.datePrecision === "day" ? v.incidentDateFrom : (v.incidentDateTo ?? v.incidentDateFrom),
  };
});
export type CaseInput = z.output<typeof caseInput>;

/** An update names the version it was made on, so a newer save is never overwritten. */
export const caseUpdateInput = z.object({
  version: z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(1, { error: "invalid" }),
  reason: optionalText(500),
});

export const victimInput = z
  .object({
    nameAr: optionalText(200),
    nameLatin: optionalText(200),
    sex: z.enum(sexes, { error: "invalid" }).default("unknown"),
    age: z.preprocess(
      (v) => {
        const b = blankToNull(v);
        return typeof b === "string" ? Number(b.trim()) : b;
      },
      z.number({ error: "notANumber" }).int({ error: "wholeNumber" }).min(0, { error: "notNegative" }).max(130, { error: "outOfRange" }).nullable(),
    ),
    ageGroup: z.enum(ageGroups, { error: "invalid" }).default("unknown"),
    outcome: z.enum(victimOutcomes, { error: "required" }),
    familyGroup: optionalText(200),
    identityVerification: z.enum(identityVerifications, { error: "invalid" }).default("single_source"),
    confidential: flag,
  })
  .superRefine((v, ctx) => {
    if (!v.nameAr && !v.nameLatin) ctx.addIssue({ code: "custom", path: ["nameLatin"], message: "nameRequired" });
    if (v.age !== null && v.ageGroup !== "unknown" && (v.age < 18) !== (v.ageGroup === "child")) {
      ctx.addIssue({ code: "custom", path: ["ageGroup"], message: "ageGroupMismatch" });
    }
  })
  .transform((v) => ({ ...v, ageGroup: v.age !== null && v.ageGroup === "unknown" ? (v.age < 18 ? "child" : "adult") : v.ageGroup }));
export type VictimInput = z.output<typeof victimInput>;

export const sourceInput = z.object({
  type: z.enum(sourceTypes, { error: "required" }),
  publisher: optionalText(200),
  title: optionalText(500),
  url: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v ?? null),
    z
      .url({ protocol: /^https?$/, error: "invalidUrl" })
      .max(2000, { error: "tooLong" })
      .nullable(),
  ),
  publishedOn: optionalDate,
  language: optionalText(40),
  confidential: flag,
});
export type SourceInput = z.output<typeof sourceInput>;

export const commentInput = z.object({ body: requiredText(10_000) });
