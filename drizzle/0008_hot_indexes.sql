DROP INDEX "posts_author_idx";--> statement-breakpoint
DROP INDEX "posts_unanswered_idx";--> statement-breakpoint
CREATE INDEX "posts_author_created_idx" ON "posts" USING btree ("author_id","created_at","id");--> statement-breakpoint
CREATE INDEX "posts_needs_reply_idx" ON "posts" USING btree ("group_id","created_at","id") WHERE "posts"."answered_at" is null and "posts"."status" = 'visible';--> statement-breakpoint
CREATE INDEX "posts_created_idx" ON "posts" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "replies_parent_idx" ON "replies" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "replies_created_idx" ON "replies" USING btree ("created_at");