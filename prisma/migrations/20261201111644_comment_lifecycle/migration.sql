-- CreateEnum
CREATE TYPE "AuthorTrust" AS ENUM ('new', 'regular', 'trusted', 'watched');

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "trust" "AuthorTrust" NOT NULL DEFAULT 'new';

-- AlterTable
ALTER TABLE "comments" ADD COLUMN     "edited_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "comment_revisions" (
    "id" UUID NOT NULL,
    "comment_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "verdict" JSONB NOT NULL,
    "written_at" TIMESTAMPTZ(3) NOT NULL,
    "replaced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comment_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "comment_revisions_comment_id_written_at_idx" ON "comment_revisions"("comment_id", "written_at");

-- AddForeignKey
ALTER TABLE "comment_revisions" ADD CONSTRAINT "comment_revisions_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Authors whose comments were approved often enough already are regulars (the default policy
-- promotes a new author after three).
UPDATE "users" u SET "trust" = 'regular'
WHERE (SELECT count(*) FROM "comments" c WHERE c."author_id" = u."id" AND c."status" = 'published') >= 3;

-- The counters that follow a comment's visibility (the article's comment_count, the parent's
-- reply_count) are kept by the database itself, from the one rule that a comment counts while it is
-- published: whatever changes a status, in the application or by hand, moves them in the same
-- transaction, and nothing else writes them.
CREATE FUNCTION "count_visible_comment"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  delta integer := (CASE WHEN TG_OP <> 'DELETE' AND NEW."status" = 'published' THEN 1 ELSE 0 END)
                 - (CASE WHEN TG_OP <> 'INSERT' AND OLD."status" = 'published' THEN 1 ELSE 0 END);
  changed "comments" := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
BEGIN
  IF delta = 0 THEN
    RETURN NULL;
  END IF;
  UPDATE "articles" SET "comment_count" = "comment_count" + delta WHERE "id" = changed."article_id";
  IF changed."parent_id" IS NOT NULL THEN
    UPDATE "comments" SET "reply_count" = "reply_count" + delta WHERE "id" = changed."parent_id";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "comments_count_visible_insert_delete" AFTER INSERT OR DELETE ON "comments"
  FOR EACH ROW EXECUTE FUNCTION "count_visible_comment"();
CREATE TRIGGER "comments_count_visible_update" AFTER UPDATE OF "status" ON "comments"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status")
  EXECUTE FUNCTION "count_visible_comment"();
