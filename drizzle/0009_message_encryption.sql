ALTER TABLE "messages" ALTER COLUMN "body" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "body_sealed" "bytea";--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "key_id" text;--> statement-breakpoint
CREATE INDEX "messages_key_id_idx" ON "messages" USING btree ("key_id");--> statement-breakpoint
CREATE INDEX "messages_plaintext_idx" ON "messages" USING btree ("id") WHERE "messages"."body" is not null;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_body_sealed_or_legacy" CHECK (("messages"."body_sealed" is null) = ("messages"."key_id" is null) and ("messages"."body_sealed" is null) <> ("messages"."body" is null));