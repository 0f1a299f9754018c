-- Sites: one deployment serves several publications. Everything that belonged to the one site of
-- before belongs to the site `default`, which the environment configures at every start.

-- CreateTable
CREATE TABLE "sites" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "allowed_origins" TEXT[],
    "sso_secret" TEXT,
    "sso_jwks_url" TEXT,
    "login_providers" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sites_pkey" PRIMARY KEY ("id")
);

INSERT INTO "sites" ("id", "name", "allowed_origins", "updated_at") VALUES ('default', 'Default site', '{}', CURRENT_TIMESTAMP);

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'operator';

-- DropForeignKey
ALTER TABLE "comments" DROP CONSTRAINT "comments_article_id_fkey";

-- DropIndex
DROP INDEX "identities_provider_subject_key";

-- DropIndex
DROP INDEX "comments_article_id_status_created_at_id_idx";

-- DropIndex
DROP INDEX "comments_status_created_at_id_idx";

-- DropIndex
DROP INDEX "comments_open_reports_created_at_id_idx";

-- DropIndex
DROP INDEX "article_groups_name_key";

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "site_id" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "users" ALTER COLUMN "site_id" DROP DEFAULT;

-- AlterTable
ALTER TABLE "identities" ADD COLUMN     "site_id" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "identities" ALTER COLUMN "site_id" DROP DEFAULT;

-- AlterTable
ALTER TABLE "articles" DROP CONSTRAINT "articles_pkey",
ADD COLUMN     "site_id" TEXT NOT NULL DEFAULT 'default',
ADD CONSTRAINT "articles_pkey" PRIMARY KEY ("site_id", "id");
ALTER TABLE "articles" ALTER COLUMN "site_id" DROP DEFAULT;

-- AlterTable
ALTER TABLE "comments" ADD COLUMN     "site_id" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "comments" ALTER COLUMN "site_id" DROP DEFAULT;

-- AlterTable
ALTER TABLE "moderation_log" ADD COLUMN     "site_id" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "moderation_log" ALTER COLUMN "site_id" DROP DEFAULT;

-- AlterTable
ALTER TABLE "policy_versions" DROP CONSTRAINT "policy_versions_pkey",
ADD COLUMN     "site_id" TEXT NOT NULL DEFAULT 'default',
ADD CONSTRAINT "policy_versions_pkey" PRIMARY KEY ("site_id", "version");
ALTER TABLE "policy_versions" ALTER COLUMN "site_id" DROP DEFAULT;

-- AlterTable
ALTER TABLE "article_groups" ADD COLUMN     "site_id" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "article_groups" ALTER COLUMN "site_id" DROP DEFAULT;

-- CreateIndex
CREATE INDEX "users_site_id_idx" ON "users"("site_id");

-- CreateIndex
CREATE UNIQUE INDEX "identities_site_id_provider_subject_key" ON "identities"("site_id", "provider", "subject");

-- CreateIndex
CREATE INDEX "comments_site_id_article_id_status_created_at_id_idx" ON "comments"("site_id", "article_id", "status", "created_at", "id");

-- CreateIndex
CREATE INDEX "comments_site_id_status_created_at_id_idx" ON "comments"("site_id", "status", "created_at", "id");

-- CreateIndex
CREATE INDEX "comments_site_id_open_reports_created_at_id_idx" ON "comments"("site_id", "open_reports", "created_at", "id");

-- CreateIndex
CREATE INDEX "moderation_log_site_id_id_idx" ON "moderation_log"("site_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "article_groups_site_id_name_key" ON "article_groups"("site_id", "name");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_site_id_article_id_fkey" FOREIGN KEY ("site_id", "article_id") REFERENCES "articles"("site_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_groups" ADD CONSTRAINT "article_groups_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The public lists read an article's threads by its site and id.
DROP INDEX "comments_public_threads_by_time_idx";
DROP INDEX "comments_public_threads_by_likes_idx";
CREATE INDEX "comments_public_threads_by_time_idx" ON "comments"("site_id", "article_id", "created_at", "id")
  WHERE "parent_id" IS NULL AND "status" IN ('published', 'deleted');
CREATE INDEX "comments_public_threads_by_likes_idx" ON "comments"("site_id", "article_id", "like_count", "created_at", "id")
  WHERE "parent_id" IS NULL AND "status" IN ('published', 'deleted');

-- The counters follow the article of the comment's own site.
CREATE OR REPLACE FUNCTION "count_visible_comment"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  delta integer := (CASE WHEN TG_OP <> 'DELETE' AND NEW."status" = 'published' THEN 1 ELSE 0 END)
                 - (CASE WHEN TG_OP <> 'INSERT' AND OLD."status" = 'published' THEN 1 ELSE 0 END);
  changed "comments" := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
BEGIN
  IF delta = 0 THEN
    RETURN NULL;
  END IF;
  UPDATE "articles" SET "comment_count" = "comment_count" + delta WHERE "site_id" = changed."site_id" AND "id" = changed."article_id";
  IF changed."parent_id" IS NOT NULL THEN
    UPDATE "comments" SET "reply_count" = "reply_count" + delta WHERE "id" = changed."parent_id";
  END IF;
  RETURN NULL;
END
$$;

-- Cached pages and article settings are filed under the site and the article.
CREATE OR REPLACE FUNCTION "announce_comment_change"() RETURNS trigger LANGUAGE plpgsql AS $$
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
  PERFORM pg_notify('comment_changes', json_build_object('siteId', changed."site_id", 'articleId', changed."article_id", 'authorId', changed."author_id", 'public', public)::text);
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION "announce_article_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('article_changes', CASE WHEN TG_OP = 'DELETE' THEN OLD."site_id" || '/' || OLD."id" ELSE NEW."site_id" || '/' || NEW."id" END);
  RETURN NULL;
END
$$;

-- Every instance keeps the sites in memory (each request is resolved to its site without a
-- statement) and reloads them when one changes.
CREATE FUNCTION "announce_site_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('site_changes', CASE WHEN TG_OP = 'DELETE' THEN OLD."id" ELSE NEW."id" END);
  RETURN NULL;
END
$$;

CREATE TRIGGER "sites_announce_change" AFTER INSERT OR UPDATE OR DELETE ON "sites"
  FOR EACH ROW EXECUTE FUNCTION "announce_site_change"();
