DROP INDEX "cases_incident_date_idx";--> statement-breakpoint
DROP INDEX "cases_updated_at_idx";--> statement-breakpoint
DROP INDEX "cases_killed_max_idx";--> statement-breakpoint
DROP INDEX "cases_place_idx";--> statement-breakpoint
DROP INDEX "cases_search_idx";--> statement-breakpoint
CREATE INDEX "cases_location_idx" ON "cases" USING btree ("latitude","longitude") WHERE "cases"."deleted_at" is null and "cases"."latitude" is not null;--> statement-breakpoint
CREATE INDEX "cases_incident_date_idx" ON "cases" USING btree ("incident_date_from","id") WHERE "cases"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "cases_updated_at_idx" ON "cases" USING btree ("updated_at","id") WHERE "cases"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "cases_killed_max_idx" ON "cases" USING btree ("killed_max" DESC NULLS LAST,"id" DESC NULLS FIRST) WHERE "cases"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "cases_place_idx" ON "cases" USING btree ("governorate_pcode","incident_date_from") WHERE "cases"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "cases_search_idx" ON "cases" USING gin (to_tsvector('simple', "search_text")) WHERE "cases"."deleted_at" is null;