ALTER TABLE "replies" ADD COLUMN "sort_key" text COLLATE "C" DEFAULT '' NOT NULL;--> statement-breakpoint
-- A reply's place in its thread, in reading order (schema/community.ts says how it is built).
-- Each level is a fixed 48-character segment: created_at in microseconds (16 digits), then the id's hex.
CREATE FUNCTION "reply_sort_segment"(created timestamptz, id uuid) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT lpad((extract(epoch FROM created) * 1000000)::bigint::text, 16, '0') || replace(id::text, '-', '')
$$;--> statement-breakpoint
-- Written by the database on every insert (the app, the seed and the scale seed alike): the parent's key
-- cut to this reply's depth, then its own segment. A reply to the deepest level has the same depth as its
-- parent, so it takes its place among that level in time order, as the thread shows it.
CREATE FUNCTION "replies_sort_key"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.sort_key := coalesce((SELECT left(p.sort_key, 48 * NEW.depth) FROM replies p WHERE p.id = NEW.parent_id), '')
    || reply_sort_segment(NEW.created_at, NEW.id);
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "replies_sort_key" BEFORE INSERT ON "replies" FOR EACH ROW EXECUTE FUNCTION "replies_sort_key"();--> statement-breakpoint
WITH RECURSIVE keyed(id, key) AS (
  SELECT r.id, reply_sort_segment(r.created_at, r.id) FROM replies r WHERE r.parent_id IS NULL
  UNION ALL
  SELECT c.id, left(k.key, 48 * c.depth) || reply_sort_segment(c.created_at, c.id) FROM replies c JOIN keyed k ON c.parent_id = k.id
)
UPDATE replies SET sort_key = keyed.key FROM keyed WHERE replies.id = keyed.id;--> statement-breakpoint
CREATE INDEX "replies_post_sort_idx" ON "replies" USING btree ("post_id","sort_key");
