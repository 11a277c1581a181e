DROP INDEX "import_records_import_idx";--> statement-breakpoint
ALTER TABLE "imports" ALTER COLUMN "sheet" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ALTER COLUMN "template" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ALTER COLUMN "created" SET DEFAULT 0;--> statement-breakpoint
ALTER TABLE "imports" ALTER COLUMN "skipped" SET DEFAULT 0;--> statement-breakpoint
ALTER TABLE "imports" ALTER COLUMN "invalid" SET DEFAULT 0;--> statement-breakpoint
ALTER TABLE "import_records" ADD COLUMN "case_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "status" text DEFAULT 'uploaded' NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "file_key" text;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "updated" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "progress_done" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "progress_total" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "cancel_requested" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "failure" text;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "finished_at" timestamp with time zone;--> statement-breakpoint
-- Imports from before jobs were committed in the request that uploaded them.
UPDATE "imports" SET "status" = 'committed', "finished_at" = "created_at";--> statement-breakpoint
CREATE INDEX "imports_created_idx" ON "imports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "import_records_import_idx" ON "import_records" USING btree ("import_id","row_number");