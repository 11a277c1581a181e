CREATE TYPE "public"."grading" AS ENUM('confirmed', 'fair', 'weak', 'contested', 'discounted');--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "grading" "grading";--> statement-breakpoint
CREATE INDEX "cases_grading_idx" ON "cases" USING btree ("grading");