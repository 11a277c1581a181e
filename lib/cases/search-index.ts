import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { cases, victims, type CaseRow } from "@/db/schema";
import { searchTextOf } from "./search-text";

/** Recomputes what a case is found by, after the case or one of its victims changed. */
export async function refreshSearchText(tx: Executor, caseId: string): Promise<void> {
  const [c] = await tx.select().from(cases).where(eq(cases.id, caseId));
  if (!c) return;
  const names = await tx.select({ ar: victims.nameAr, latin: victims.nameLatin }).from(victims).where(eq(victims.caseId, caseId));
  const searchText = caseSearchText(c, names);
  if (searchText !== c.searchText) await tx.update(cases).set({ searchText }).where(eq(cases.id, caseId));
}

type SearchedFields = Pick<CaseRow, "reference" | "externalCodes" | "title" | "narrative" | "localityEn" | "localityAr" | "neighbourhoodEn" | "neighbourhoodAr">;

/** What a case is found by, from its fields and its victims' names. */
export function caseSearchText(c: SearchedFields, names: { ar: string | null; latin: string | null }[]): string {
  return searchTextOf([
    c.reference,
    ...c.externalCodes,
    c.title,
    c.narrative,
    c.localityEn,
    c.localityAr,
    c.neighbourhoodEn,
    c.neighbourhoodAr,
    ...names.flatMap((n) => [n.ar, n.latin]),
  ]);
}
