-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "policy_overrides" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "section_policies" (
    "site_id" TEXT NOT NULL,
    "section" TEXT NOT NULL,
    "overrides" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by_id" UUID,

    CONSTRAINT "section_policies_pkey" PRIMARY KEY ("site_id","section")
);

-- AddForeignKey
ALTER TABLE "section_policies" ADD CONSTRAINT "section_policies_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An article's own policy changes are part of the settings every instance caches.
DROP TRIGGER "articles_announce_update" ON "articles";
CREATE TRIGGER "articles_announce_update" AFTER UPDATE ON "articles"
  FOR EACH ROW
  WHEN (OLD."title" IS DISTINCT FROM NEW."title" OR OLD."url" IS DISTINCT FROM NEW."url"
        OR OLD."section" IS DISTINCT FROM NEW."section" OR OLD."comments_open" <> NEW."comments_open"
        OR OLD."premoderation" <> NEW."premoderation" OR OLD."policy_overrides" IS DISTINCT FROM NEW."policy_overrides")
  EXECUTE FUNCTION "announce_article_change"();
