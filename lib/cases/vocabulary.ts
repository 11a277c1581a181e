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

// The lifecycle's lists (DOMAIN.md, "Lifecycle"): assessments, the belligerent's answers, redress, closing.
export const assessmentMethods = ["desk_review", "field_investigation"] as const;
export const closingReasons = ["redress_completed", "duplicate", "discounted", "withdrawn", "no_further_action"] as const;
/** A first submission to the belligerent, or a request to re-evaluate its answer with new evidence. */
export const sendingKinds = ["submission", "re_evaluation"] as const;
export const sendingChannels = ["email", "letter", "online_form", "meeting", "other"] as const;
export const belligerentAnswers = ["not_yet_assessed", "credible", "non_credible", "duplicate"] as const;
export const nonCredibleReasons = [
  "no_strike_that_day",
  "insufficient_evidence",
  "video_shows_no_civilians",
  "duplicate_of_own_record",
  "other",
] as const;
export const redressTypes = [
  "ex_gratia_payment",
  "condolence_payment",
  "public_acknowledgement",
  "apology",
  "medical_assistance",
  "livelihood_assistance",
  "reconstruction",
  "investigation_or_accountability",
] as const;
/** Payments carry an amount and a currency; the other kinds of redress do not. */
export const paymentTypes = ["ex_gratia_payment", "condolence_payment"] as const;
export const redressStatuses = ["requested", "offered", "accepted", "delivered", "refused", "denied"] as const;

export type Stage = (typeof stages)[number];
export type Grading = (typeof gradings)[number];
export type Country = (typeof countries)[number];
export type Belligerent = (typeof belligerents)[number];
export type Means = (typeof means)[number];
export type CivilianObject = (typeof civilianObjects)[number];
export type SourceType = (typeof sourceTypes)[number];
export type VictimOutcome = (typeof victimOutcomes)[number];
export type AssessmentMethod = (typeof assessmentMethods)[number];
export type ClosingReason = (typeof closingReasons)[number];
export type BelligerentAnswer = (typeof belligerentAnswers)[number];
export type NonCredibleReason = (typeof nonCredibleReasons)[number];
export type RedressType = (typeof redressTypes)[number];
export type RedressStatus = (typeof redressStatuses)[number];
