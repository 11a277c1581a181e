import {
  ageGroups,
  belligerentAnswers,
  belligerents,
  civilianObjects,
  closingReasons,
  countries,
  gradings,
  identityVerifications,
  locationAccuracies,
  means,
  nonCredibleReasons,
  sexes,
  sourceTypes,
  stages,
  victimOutcomes,
} from "@/lib/cases/vocabulary";
import type { ImportField } from "./fields";
import type { VictimField } from "./victim-rows";

/** The closed lists an import maps values into, by the catalogue name of their labels. */
export const vocabularyLists = {
  belligerents,
  means,
  civilianObjects,
  countries,
  locationAccuracy: locationAccuracies,
  stages,
  gradings,
  answers: belligerentAnswers,
  nonCredibleReasons,
  closingReasons,
  sexes,
  ageGroups,
  outcomes: victimOutcomes,
  verifications: identityVerifications,
  sourceTypes,
} as const;
export type VocabularyList = keyof typeof vocabularyLists;

/** The import field whose values come from each closed list. */
export const listOfField: Partial<Record<ImportField | VictimField, VocabularyList>> = {
  belligerents: "belligerents",
  means: "means",
  civilianObjects: "civilianObjects",
  country: "countries",
  locationAccuracy: "locationAccuracy",
  stage: "stages",
  grading: "gradings",
  answer: "answers",
  nonCredibleReason: "nonCredibleReasons",
  closingReason: "closingReasons",
  victimSex: "sexes",
  victimAgeGroup: "ageGroups",
  victimOutcome: "outcomes",
  victimVerification: "verifications",
  sourceType: "sourceTypes",
};
