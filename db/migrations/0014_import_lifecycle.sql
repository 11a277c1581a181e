ALTER TABLE "import_records" ADD COLUMN "created" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Before this, a record of version 1 was one the import filed (an update is at least version 2).
UPDATE "import_records" SET "created" = true WHERE "case_version" = 1;
