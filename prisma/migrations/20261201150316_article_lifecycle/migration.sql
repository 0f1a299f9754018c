-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "auto_action" TEXT,
ADD COLUMN     "auto_action_at" TIMESTAMPTZ(3),
ADD COLUMN     "auto_reversed_at" TIMESTAMPTZ(3),
ADD COLUMN     "memorial" BOOLEAN NOT NULL DEFAULT false;

-- Memorial mode and the automatic moderation are part of the settings every instance caches.
DROP TRIGGER "articles_announce_update" ON "articles";
CREATE TRIGGER "articles_announce_update" AFTER UPDATE ON "articles"
  FOR EACH ROW
  WHEN (OLD."title" IS DISTINCT FROM NEW."title" OR OLD."url" IS DISTINCT FROM NEW."url"
        OR OLD."section" IS DISTINCT FROM NEW."section" OR OLD."comments_open" <> NEW."comments_open"
        OR OLD."premoderation" <> NEW."premoderation" OR OLD."policy_overrides" IS DISTINCT FROM NEW."policy_overrides"
        OR OLD."memorial" <> NEW."memorial" OR OLD."auto_action" IS DISTINCT FROM NEW."auto_action"
        OR OLD."auto_reversed_at" IS DISTINCT FROM NEW."auto_reversed_at")
  EXECUTE FUNCTION "announce_article_change"();
