-- The accountability summaries (lib/summaries/figures.ts) read every counted case: live and not a
-- duplicate. This index holds exactly the columns they read, so their scans are index-only and
-- read about a sixth of the table (docs/performance.md). Written by hand: drizzle's index builder
-- has no INCLUDE. Keep the list in step with withBase() and countedCases().
CREATE INDEX "cases_summary_idx" ON "cases" ("incident_date_from") INCLUDE ("id", "stage", "grading", "country", "governorate_pcode", "incident_date_to", "belligerents", "civilian_objects", "incendiary_weapons", "created_at", "killed_min", "killed_max", "killed_children_min", "killed_children_max", "killed_women_min", "killed_women_max", "injured_min", "injured_max", "injured_children_min", "injured_children_max", "injured_women_min", "injured_women_max") WHERE "deleted_at" IS NULL AND "duplicate_of" IS NULL;
