CREATE TYPE "public"."alert_action_kind" AS ENUM('claimed', 'released', 'note', 'outreach', 'member_replied', 'resolved', 'escalated', 'held_released', 'held_kept', 'edit_requested', 'revealed');--> statement-breakpoint
CREATE TYPE "public"."alert_outcome" AS ENUM('real_concern', 'not_a_concern', 'referred_to_emergency_services', 'other');--> statement-breakpoint
CREATE TYPE "public"."held_decision_kind" AS ENUM('released', 'kept', 'edit_requested');--> statement-breakpoint
CREATE TYPE "public"."review_decision" AS ENUM('fine', 'needs_outreach', 'raise_to_alert');--> statement-breakpoint
CREATE TYPE "public"."review_item_kind" AS ENUM('elevated', 'second_look', 'worry', 'member_message');--> statement-breakpoint
CREATE TYPE "public"."webhook_delivery_status" AS ENUM('pending', 'delivered', 'failed');--> statement-breakpoint
CREATE TYPE "public"."conversation_kind" AS ENUM('safety', 'direct');--> statement-breakpoint
CREATE TYPE "public"."message_status" AS ENUM('visible', 'held', 'removed_by_author', 'removed_by_staff');--> statement-breakpoint
ALTER TYPE "public"."alert_reason" ADD VALUE 'review';--> statement-breakpoint
CREATE TABLE "held_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"content_type" "assessed_content_type" NOT NULL,
	"content_id" uuid NOT NULL,
	"decision" "held_decision_kind" NOT NULL,
	"content_warning" text,
	"message_to_writer" text NOT NULL,
	"decided_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safety_alert_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"alert_id" uuid NOT NULL,
	"actor_id" uuid,
	"kind" "alert_action_kind" NOT NULL,
	"body" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safety_alert_state" (
	"alert_id" uuid PRIMARY KEY NOT NULL,
	"escalation_step" integer DEFAULT 0 NOT NULL,
	"next_step_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"first_outreach_at" timestamp with time zone,
	"outcome" "alert_outcome",
	"outcome_note" text,
	"resolved_by" uuid,
	"raised_with_nobody_on_duty" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safety_duty" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "safety_review_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "review_item_kind" NOT NULL,
	"assessment_id" uuid,
	"alert_id" uuid,
	"content_type" "assessed_content_type" NOT NULL,
	"content_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"reporter_id" uuid,
	"reporter_words" text,
	"report_day" date,
	"decision" "review_decision",
	"decision_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"raised_alert_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safety_webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"alert_id" uuid NOT NULL,
	"status" "webhook_delivery_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"attempt_log" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "site_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "conversation_participants" (
	"conversation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"last_read_at" timestamp with time zone,
	"joined_at" timestamp with time zone NOT NULL,
	CONSTRAINT "conversation_participants_conversation_id_user_id_pk" PRIMARY KEY("conversation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "conversation_kind" NOT NULL,
	"member_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"last_message_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"sender_id" uuid,
	"as_team" boolean DEFAULT false NOT NULL,
	"signed" boolean DEFAULT false NOT NULL,
	"body" text NOT NULL,
	"status" "message_status" DEFAULT 'visible' NOT NULL,
	"alert_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "is_system" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "auto_content_warning" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "replies" ADD COLUMN "content_warning" text;--> statement-breakpoint
ALTER TABLE "replies" ADD COLUMN "content_warning_topics" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "replies" ADD COLUMN "automatic" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD COLUMN "card_folded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "held_decisions" ADD CONSTRAINT "held_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_alert_actions" ADD CONSTRAINT "safety_alert_actions_alert_id_safety_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."safety_alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_alert_actions" ADD CONSTRAINT "safety_alert_actions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_alert_state" ADD CONSTRAINT "safety_alert_state_alert_id_safety_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."safety_alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_alert_state" ADD CONSTRAINT "safety_alert_state_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_duty" ADD CONSTRAINT "safety_duty_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_review_items" ADD CONSTRAINT "safety_review_items_assessment_id_risk_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."risk_assessments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_review_items" ADD CONSTRAINT "safety_review_items_alert_id_safety_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."safety_alerts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_review_items" ADD CONSTRAINT "safety_review_items_subject_id_users_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_review_items" ADD CONSTRAINT "safety_review_items_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_review_items" ADD CONSTRAINT "safety_review_items_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_review_items" ADD CONSTRAINT "safety_review_items_raised_alert_id_safety_alerts_id_fk" FOREIGN KEY ("raised_alert_id") REFERENCES "public"."safety_alerts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_webhook_deliveries" ADD CONSTRAINT "safety_webhook_deliveries_alert_id_safety_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."safety_alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_settings" ADD CONSTRAINT "site_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_participants" ADD CONSTRAINT "conversation_participants_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_participants" ADD CONSTRAINT "conversation_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_alert_id_safety_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."safety_alerts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "held_decisions_content_idx" ON "held_decisions" USING btree ("content_type","content_id","created_at");--> statement-breakpoint
CREATE INDEX "safety_alert_actions_alert_idx" ON "safety_alert_actions" USING btree ("alert_id","created_at");--> statement-breakpoint
CREATE INDEX "safety_alert_state_due_idx" ON "safety_alert_state" USING btree ("next_step_at") WHERE "safety_alert_state"."next_step_at" is not null;--> statement-breakpoint
CREATE INDEX "safety_review_items_open_idx" ON "safety_review_items" USING btree ("created_at") WHERE "safety_review_items"."reviewed_at" is null;--> statement-breakpoint
CREATE INDEX "safety_review_items_reporter_idx" ON "safety_review_items" USING btree ("reporter_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "safety_review_items_worry_once_key" ON "safety_review_items" USING btree ("reporter_id","content_type","content_id","report_day") WHERE "safety_review_items"."kind" = 'worry';--> statement-breakpoint
CREATE UNIQUE INDEX "safety_webhook_deliveries_alert_key" ON "safety_webhook_deliveries" USING btree ("alert_id");--> statement-breakpoint
CREATE INDEX "safety_webhook_deliveries_due_idx" ON "safety_webhook_deliveries" USING btree ("next_attempt_at") WHERE "safety_webhook_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "conversation_participants_user_idx" ON "conversation_participants" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_safety_member_key" ON "conversations" USING btree ("member_id") WHERE "conversations"."kind" = 'safety';--> statement-breakpoint
CREATE INDEX "messages_conversation_created_idx" ON "messages" USING btree ("conversation_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "replies_automatic_once_key" ON "replies" USING btree ("post_id") WHERE "replies"."automatic";--> statement-breakpoint
-- Alerts raised before the safety team's side existed still need a person: they escalate from their deadline.
INSERT INTO "safety_alert_state" ("alert_id", "next_step_at") SELECT "id", "deadline_at" FROM "safety_alerts" WHERE "status" = 'open';
