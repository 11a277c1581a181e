ALTER TABLE "imports" ADD COLUMN "victims_file" jsonb;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "preview_key" text;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "preview_state" jsonb;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "preview_heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reconciliations" ADD COLUMN "file_key" text;--> statement-breakpoint
ALTER TABLE "reconciliations" ADD COLUMN "sheet" text;--> statement-breakpoint
ALTER TABLE "reconciliations" ADD COLUMN "mapping" jsonb;--> statement-breakpoint
ALTER TABLE "reconciliations" ADD COLUMN "date_order" text;--> statement-breakpoint
ALTER TABLE "reconciliations" ADD COLUMN "released_on" date;