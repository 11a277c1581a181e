import type { Belligerent, CivilianObject, Means, SourceType, Stage } from "@/lib/cases/vocabulary";

// How often each value occurs in the synthetic cases (weights, not percentages), and the words
// their titles are made of.

export const years = [
  [2014, 4],
  [2015, 11],
  [2016, 22],
  [2017, 38],
  [2018, 14],
  [2019, 8],
  [2020, 3],
] as const;
export const stageWeights: readonly (readonly [Stage, number])[] = [
  ["submission", 30],
  ["assessment", 25],
  ["belligerent_response", 20],
  ["redress", 5],
  ["closed", 20],
];
export const belligerentWeights: readonly (readonly [Belligerent, number])[] = [
  ["coalition", 45],
  ["us", 18],
  ["russia", 12],
  ["syrian_government", 9],
  ["uk", 3],
  ["france", 3],
  ["iraqi_forces", 4],
  ["turkey", 2],
  ["unknown", 4],
];
export const meansWeights: readonly (readonly [Means, number])[] = [
  ["airstrike", 70],
  ["drone", 8],
  ["artillery", 12],
  ["helicopter", 3],
  ["ground_raid", 2],
  ["unknown", 5],
];
export const objectWeights: readonly (readonly [CivilianObject, number])[] = [
  ["residential_building", 60],
  ["market", 6],
  ["bakery", 5],
  ["school", 5],
  ["medical_facility", 4],
  ["place_of_worship", 4],
  ["bridge", 3],
  ["water", 2],
  ["power", 2],
];
export const objectPhrase: Record<CivilianObject, string> = {
  residential_building: "a residential building",
  market: "a market",
  bakery: "a bakery",
  school: "a school",
  medical_facility: "a hospital",
  place_of_worship: "a mosque",
  bridge: "a bridge",
  water: "a water station",
  power: "a power station",
};
export const meansPhrase: Record<Means, string> = {
  airstrike: "Airstrike on",
  drone: "Drone strike on",
  artillery: "Shelling of",
  helicopter: "Helicopter attack on",
  ground_raid: "Ground raid on",
  unknown: "Explosion at",
};
export const extraTags = ["residential", "displaced-families", "night-strike", "family-killed", "river-crossing", "field-visit-needed", "reopened"];
export const sourceTypeWeights: readonly (readonly [SourceType, number])[] = [
  ["ngo_report", 30],
  ["media", 25],
  ["social_media", 20],
  ["witness_testimony", 15],
  ["belligerent_statement", 5],
  ["field_investigation", 3],
  ["satellite_imagery", 2],
];
export const publishers = ["Local monitoring network", "Regional news agency", "Human rights NGO", "Community media centre", "Civil defence volunteers"];
