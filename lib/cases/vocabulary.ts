/**
 * The closed lists of an allegation (DOMAIN.md, "The allegation", "Sources", "Victims").
 * Stored as their codes; every label lives in the catalogues under the list's name.
 */
export const stages = ["submission", "assessment", "belligerent_response", "redress", "closed"] as const;
export const gradings = ["confirmed", "fair", "weak", "contested", "discounted"] as const;
export const datePrecisions = ["day", "range"] as const;
export const countries = ["SY", "IQ"] as const;
export const locationAccuracies = ["governorate", "district", "locality", "neighbourhood", "street", "exact"] as const;
export const belligerents = [
  "coalition",
  "us",
  "uk",
  "france",
  "australia",
  "belgium",
  "canada",
  "denmark",
  "jordan",
  "netherlands",
  "russia",
  "syrian_government",
  "iraqi_forces",
  "turkey",
  "sdf",
  "isis",
  "other",
  "unknown",
] as const;
export const means = ["airstrike", "drone", "helicopter", "artillery", "ground_raid", "unknown"] as const;
export const civilianObjects = [
  "school",
  "medical_facility",
  "market",
  "bridge",
  "place_of_worship",
  "water",
  "power",
  "bakery",
  "residential_building",
] as const;
export const sourceTypes = [
  "ngo_report",
  "media",
  "social_media",
  "witness_testimony",
  "field_investigation",
  "belligerent_statement",
  "satellite_imagery",
] as const;
export const sexes = ["female", "male", "unknown"] as const;
export const ageGroups = ["child", "adult", "unknown"] as const;
export const victimOutcomes = ["killed", "injured", "detained", "disappeared"] as const;
export const identityVerifications = ["direct", "multiple_sources", "single_source"] as const;

export type Stage = (typeof stages)[number];
export type Grading = (typeof gradings)[number];
export type Country = (typeof countries)[number];
export type Belligerent = (typeof belligerents)[number];
export type Means = (typeof means)[number];
export type CivilianObject = (typeof civilianObjects)[number];
export type SourceType = (typeof sourceTypes)[number];
