CREATE TYPE "public"."age_group" AS ENUM('child', 'adult', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."date_precision" AS ENUM('day', 'range');--> statement-breakpoint
CREATE TYPE "public"."identity_verification" AS ENUM('direct', 'multiple_sources', 'single_source');--> statement-breakpoint
CREATE TYPE "public"."location_accuracy" AS ENUM('governorate', 'district', 'locality', 'neighbourhood', 'street', 'exact');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('female', 'male', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."source_type" AS ENUM('ngo_report', 'media', 'social_media', 'witness_testimony', 'field_investigation', 'belligerent_statement', 'satellite_imagery');--> statement-breakpoint
CREATE TYPE "public"."case_stage" AS ENUM('submission', 'assessment', 'belligerent_response', 'redress', 'closed');--> statement-breakpoint
CREATE TYPE "public"."victim_outcome" AS ENUM('killed', 'injured', 'detained', 'disappeared');--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"external_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"title" text NOT NULL,
	"incident_date_from" date NOT NULL,
	"incident_date_to" date NOT NULL,
	"date_precision" date_precision NOT NULL,
	"country" text NOT NULL,
	"governorate_pcode" text NOT NULL,
	"district_pcode" text,
	"locality_en" text,
	"locality_ar" text,
	"neighbourhood_en" text,
	"neighbourhood_ar" text,
	"latitude" double precision,
	"longitude" double precision,
	"location_accuracy" "location_accuracy",
	"belligerents" text[] NOT NULL,
	"means" text[] NOT NULL,
	"killed_min" integer,
	"killed_max" integer,
	"killed_children_min" integer,
	"killed_children_max" integer,
	"killed_women_min" integer,
	"killed_women_max" integer,
	"killed_men_min" integer,
	"killed_men_max" integer,
	"injured_min" integer,
	"injured_max" integer,
	"injured_children_min" integer,
	"injured_children_max" integer,
	"injured_women_min" integer,
	"injured_women_max" integer,
	"injured_men_min" integer,
	"injured_men_max" integer,
	"detentions" integer,
	"displaced" integer,
	"civilian_objects" text[] DEFAULT '{}'::text[] NOT NULL,
	"incendiary_weapons" boolean DEFAULT false NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"stage" "case_stage" DEFAULT 'submission' NOT NULL,
	"assignee_id" uuid,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "cases_dates_ordered" CHECK ("cases"."incident_date_from" <= "cases"."incident_date_to"),
	CONSTRAINT "cases_killed_ordered" CHECK ("cases"."killed_min" <= "cases"."killed_max"),
	CONSTRAINT "cases_injured_ordered" CHECK ("cases"."injured_min" <= "cases"."injured_max")
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"description" text,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reference_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last_number" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"type" "source_type" NOT NULL,
	"publisher" text,
	"title" text,
	"url" text,
	"published_on" date,
	"language" text,
	"confidential" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "victims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"name_ar" text,
	"name_latin" text,
	"sex" "sex" DEFAULT 'unknown' NOT NULL,
	"age" integer,
	"age_group" "age_group" DEFAULT 'unknown' NOT NULL,
	"outcome" "victim_outcome" NOT NULL,
	"family_group" text,
	"identity_verification" "identity_verification" DEFAULT 'single_source' NOT NULL,
	"confidential" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victims" ADD CONSTRAINT "victims_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victims" ADD CONSTRAINT "victims_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cases_reference_key" ON "cases" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "cases_incident_date_idx" ON "cases" USING btree ("incident_date_from");--> statement-breakpoint
CREATE INDEX "cases_updated_at_idx" ON "cases" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "cases_killed_max_idx" ON "cases" USING btree ("killed_max");--> statement-breakpoint
CREATE INDEX "cases_stage_idx" ON "cases" USING btree ("stage");--> statement-breakpoint
CREATE INDEX "cases_place_idx" ON "cases" USING btree ("country","governorate_pcode","incident_date_from");--> statement-breakpoint
CREATE INDEX "cases_assignee_idx" ON "cases" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "cases_created_by_idx" ON "cases" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "cases_belligerents_idx" ON "cases" USING gin ("belligerents");--> statement-breakpoint
CREATE INDEX "cases_tags_idx" ON "cases" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "cases_search_idx" ON "cases" USING gin (to_tsvector('simple', "search_text"));--> statement-breakpoint
CREATE INDEX "comments_case_idx" ON "comments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "evidence_case_idx" ON "evidence_files" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "sources_case_idx" ON "sources" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "victims_case_idx" ON "victims" USING btree ("case_id");--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_case_idx" ON "audit_events" USING btree ("case_id","id");