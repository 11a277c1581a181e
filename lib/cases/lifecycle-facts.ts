import type { CaseRow } from "@/db/schema";
import { pickEditable } from "./commands";
import type { CaseFacts } from "./lifecycle";
import { caseInput } from "./schemas";
import type { BelligerentAnswer, RedressStatus } from "./vocabulary";

/** What the stage machine needs to know, from a case and what its lifecycle holds (read by the caller). */
export function caseFactsOf(
  c: Omit<CaseRow, "searchText">,
  latestAnswer: BelligerentAnswer | null,
  redressStatuses: readonly RedressStatus[],
): CaseFacts {
  return {
    stage: c.stage,
    createdBy: c.createdBy,
    recordComplete: caseInput.safeParse(pickEditable(c)).success,
    latestGrading: c.grading,
    duplicateOf: c.duplicateOf,
    latestAnswer,
    redressItems: redressStatuses,
  };
}
