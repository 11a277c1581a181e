CREATE TYPE "public"."closing_reason" AS ENUM('redress_completed', 'duplicate', 'discounted', 'withdrawn', 'no_further_action');--> statement-breakpoint
CREATE TYPE "public"."assessment_method" AS ENUM('desk_review', 'field_investigation');--> statement-breakpoint
CREATE TYPE "public"."belligerent_answer" AS ENUM('not_yet_assessed', 'credible', 'non_credible', 'duplicate');--> statement-breakpoint
CREATE TYPE "public"."stage_move" AS ENUM('submit', 'send_to_belligerent', 'pursue_redress', 'close', 'reopen');--> statement-breakpoint
CREATE TYPE "public"."non_credible_reason" AS ENUM('no_strike_that_day', 'insufficient_evidence', 'video_shows_no_civilians', 'duplicate_of_own_record', 'other');--> statement-breakpoint
CREATE TYPE "public"."redress_status" AS ENUM('requested', 'offered', 'accepted', 'delivered', 'refused', 'denied');--> statement-breakpoint
CREATE TYPE "public"."redress_type" AS ENUM('ex_gratia_payment', 'condolence_payment', 'public_acknowledgement', 'apology', 'medical_assistance', 'livelihood_assistance', 'reconstruction', 'investigation_or_accountability');--> statement-breakpoint
CREATE TYPE "public"."sending_channel" AS ENUM('email', 'letter', 'online_form', 'meeting', 'other');--> statement-breakpoint
CREATE TYPE "public"."sending_kind" AS ENUM('submission', 're_evaluation');--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"grading" "grading" NOT NULL,
	"method" "assessment_method" NOT NULL,
	"site_visit" boolean,
	"witnesses_interviewed" integer,
	"deaths_min" integer,
	"deaths_max" integer,
	"ihl_concerns" text,
	"reasoning" text NOT NULL,
	"assessed_by" uuid NOT NULL,
	"assessed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_deaths_ordered" CHECK ("assessments"."deaths_min" <= "assessments"."deaths_max")
);
--> statement-breakpoint
CREATE TABLE "belligerent_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "sending_kind" NOT NULL,
	"sent_on" date NOT NULL,
	"channel" "sending_channel" NOT NULL,
	"sent_reference" text,
	"evidence_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"sent_by" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answer" "belligerent_answer",
	"non_credible_reason" "non_credible_reason",
	"deaths_conceded_min" integer,
	"deaths_conceded_max" integer,
	"injuries_conceded_min" integer,
	"injuries_conceded_max" integer,
	"answered_on" date,
	"answer_reference" text,
	"answer_note" text,
	"answer_recorded_by" uuid,
	"answer_recorded_at" timestamp with time zone,
	CONSTRAINT "responses_reason_only_if_non_credible" CHECK (("belligerent_responses"."answer" = 'non_credible') = ("belligerent_responses"."non_credible_reason" is not null)),
	CONSTRAINT "responses_deaths_ordered" CHECK ("belligerent_responses"."deaths_conceded_min" <= "belligerent_responses"."deaths_conceded_max"),
	CONSTRAINT "responses_injuries_ordered" CHECK ("belligerent_responses"."injuries_conceded_min" <= "belligerent_responses"."injuries_conceded_max")
);
--> statement-breakpoint
CREATE TABLE "redress_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"type" "redress_type" NOT NULL,
	"description" text,
	"amount" numeric(14, 2),
	"currency" text,
	"status" "redress_status" NOT NULL,
	"requested_on" date,
	"offered_on" date,
	"accepted_on" date,
	"settled_on" date,
	"beneficiary_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "redress_amount_with_currency" CHECK (("redress_items"."amount" is null) = ("redress_items"."currency" is null)),
	CONSTRAINT "redress_amount_positive" CHECK ("redress_items"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "stage_moves" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"move" "stage_move" NOT NULL,
	"from_stage" "case_stage" NOT NULL,
	"to_stage" "case_stage" NOT NULL,
	"closing_reason" "closing_reason",
	"reason" text,
	"evidence_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"moved_by" uuid NOT NULL,
	"moved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "stage_entered_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "closing_reason" "closing_reason";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "duplicate_of" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "awaiting_answer_since" date;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_assessed_by_users_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "belligerent_responses" ADD CONSTRAINT "belligerent_responses_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "belligerent_responses" ADD CONSTRAINT "belligerent_responses_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "belligerent_responses" ADD CONSTRAINT "belligerent_responses_answer_recorded_by_users_id_fk" FOREIGN KEY ("answer_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redress_items" ADD CONSTRAINT "redress_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redress_items" ADD CONSTRAINT "redress_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_moves" ADD CONSTRAINT "stage_moves_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_moves" ADD CONSTRAINT "stage_moves_moved_by_users_id_fk" FOREIGN KEY ("moved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessments_case_idx" ON "assessments" USING btree ("case_id","assessed_at");--> statement-breakpoint
CREATE INDEX "belligerent_responses_case_idx" ON "belligerent_responses" USING btree ("case_id","sent_at");--> statement-breakpoint
CREATE INDEX "redress_items_case_idx" ON "redress_items" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "stage_moves_case_idx" ON "stage_moves" USING btree ("case_id","id");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_duplicate_of_cases_id_fk" FOREIGN KEY ("duplicate_of") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_duplicate_of_idx" ON "cases" USING btree ("duplicate_of");--> statement-breakpoint
CREATE INDEX "cases_awaiting_answer_idx" ON "cases" USING btree ("awaiting_answer_since") WHERE "cases"."awaiting_answer_since" is not null and "cases"."deleted_at" is null;--> statement-breakpoint
UPDATE "cases" SET "stage_entered_at" = "created_at";
