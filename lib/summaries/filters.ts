import { and, isNull, sql, type SQL } from "drizzle-orm";
import { cases } from "@/db/schema";
import { caseFilterConditions } from "@/lib/cases/queries";
import { caseFilter, parseCaseFilter, toSearchParams, type CaseFilter } from "@/lib/cases/list-query";

/** The summaries' filters (DOMAIN.md, "Accountability summaries"): incident period, belligerent, country, governorate, stage, grading. */
export const summaryFilter = caseFilter;
export type SummaryFilter = CaseFilter;

export const parseSummaryFilter = parseCaseFilter;

export const summaryFilterParams = (filter: SummaryFilter): URLSearchParams => toSearchParams(filter);

/**
 * The cases every figure counts: live, not a duplicate of another (its original is counted), and
 * matching the filters. One definition, so no figure can count a case another leaves out.
 */
export function countedCases(filter: SummaryFilter): SQL {
  return and(...caseFilterConditions(filter), isNull(cases.duplicateOf)) ?? sql`true`;
}
