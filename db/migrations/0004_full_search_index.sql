DROP INDEX "cases_search_idx";--> statement-breakpoint
CREATE INDEX "cases_search_idx" ON "cases" USING gin (to_tsvector('simple', "search_text"));