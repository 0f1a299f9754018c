-- AlterTable
ALTER TABLE "comments" ADD COLUMN     "featured_at" TIMESTAMPTZ(3),
ADD COLUMN     "featured_by_id" UUID;

-- The featured list of an article (staff picks: a few per article) is read from its own small
-- partial index, in the order of every public sort; the page cache keeps it like the other lists.
CREATE INDEX "comments_featured_threads_idx" ON "comments"("article_id", "created_at", "id")
  WHERE "parent_id" IS NULL AND "status" = 'published' AND "featured_at" IS NOT NULL;

-- Featuring or unfeaturing changes what the public lists show: announce it like the other changes.
DROP TRIGGER "comments_announce_update" ON "comments";
CREATE TRIGGER "comments_announce_update" AFTER UPDATE ON "comments"
  FOR EACH ROW
  WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."body" IS DISTINCT FROM NEW."body"
        OR OLD."like_count" <> NEW."like_count" OR OLD."reply_count" <> NEW."reply_count"
        OR OLD."decision_reason" IS DISTINCT FROM NEW."decision_reason"
        OR OLD."featured_at" IS DISTINCT FROM NEW."featured_at")
  EXECUTE FUNCTION "announce_comment_change"();
