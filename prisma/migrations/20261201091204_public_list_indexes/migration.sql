-- DropIndex
DROP INDEX "comments_article_id_parent_id_created_at_id_idx";

-- DropIndex
DROP INDEX "comments_article_id_parent_id_like_count_created_at_id_idx";

-- CreateIndex
CREATE INDEX "comments_article_id_status_created_at_id_idx" ON "comments"("article_id", "status", "created_at", "id");

-- The public lists, one index per order, holding only what the public can see: a page is read in
-- index order and stops after `limit` rows, however many comments the article has. Deleted
-- top-level comments stay in (they keep their place while they have replies); the query drops the
-- few without. Descending orders scan these backwards.
CREATE INDEX "comments_public_threads_by_time_idx" ON "comments"("article_id", "created_at", "id")
  WHERE "parent_id" IS NULL AND "status" IN ('published', 'deleted');
CREATE INDEX "comments_public_threads_by_likes_idx" ON "comments"("article_id", "like_count", "created_at", "id")
  WHERE "parent_id" IS NULL AND "status" IN ('published', 'deleted');
CREATE INDEX "comments_public_replies_by_time_idx" ON "comments"("parent_id", "created_at", "id")
  WHERE "parent_id" IS NOT NULL AND "status" = 'published';
CREATE INDEX "comments_public_replies_by_likes_idx" ON "comments"("parent_id", "like_count", "created_at", "id")
  WHERE "parent_id" IS NOT NULL AND "status" = 'published';
-- What only its author sees in the lists: their own comments waiting for review or rejected.
CREATE INDEX "comments_own_unpublished_idx" ON "comments"("author_id", "article_id", "created_at")
  WHERE "status" IN ('pending', 'rejected');

-- Every instance keeps the public first pages of busy articles in memory and routes an author’s
-- next reads to the primary. Both hear of a change here, from the transaction that made it (NOTIFY
-- is delivered on commit), whichever code path or tool wrote the row.
CREATE FUNCTION "announce_comment_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed "comments";
  public boolean;
BEGIN
  IF TG_OP = 'DELETE' THEN
    changed := OLD;
    public := OLD."status" IN ('published', 'deleted');
  ELSIF TG_OP = 'INSERT' THEN
    changed := NEW;
    public := NEW."status" = 'published';
  ELSE
    changed := NEW;
    public := OLD."status" IN ('published', 'deleted') OR NEW."status" IN ('published', 'deleted');
  END IF;
  PERFORM pg_notify('comment_changes', json_build_object('articleId', changed."article_id", 'authorId', changed."author_id", 'public', public)::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER "comments_announce_insert_delete" AFTER INSERT OR DELETE ON "comments"
  FOR EACH ROW EXECUTE FUNCTION "announce_comment_change"();
-- Only what a list shows: moderation bookkeeping (reports, claims) changes no page.
CREATE TRIGGER "comments_announce_update" AFTER UPDATE ON "comments"
  FOR EACH ROW
  WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."body" IS DISTINCT FROM NEW."body"
        OR OLD."like_count" <> NEW."like_count" OR OLD."reply_count" <> NEW."reply_count"
        OR OLD."decision_reason" IS DISTINCT FROM NEW."decision_reason")
  EXECUTE FUNCTION "announce_comment_change"();

-- An article’s settings are cached by every instance as well; its counters are not part of them.
CREATE FUNCTION "announce_article_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('article_changes', CASE WHEN TG_OP = 'DELETE' THEN OLD."id" ELSE NEW."id" END);
  RETURN NULL;
END
$$;

CREATE TRIGGER "articles_announce_update" AFTER UPDATE ON "articles"
  FOR EACH ROW
  WHEN (OLD."title" IS DISTINCT FROM NEW."title" OR OLD."url" IS DISTINCT FROM NEW."url"
        OR OLD."section" IS DISTINCT FROM NEW."section" OR OLD."comments_open" <> NEW."comments_open"
        OR OLD."premoderation" <> NEW."premoderation")
  EXECUTE FUNCTION "announce_article_change"();
CREATE TRIGGER "articles_announce_delete" AFTER DELETE ON "articles"
  FOR EACH ROW EXECUTE FUNCTION "announce_article_change"();
