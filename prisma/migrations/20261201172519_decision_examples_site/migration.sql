-- The labelled examples belong to the site of the comment decided, as everything of a newsroom does.

-- AlterTable
ALTER TABLE "decision_examples" ADD COLUMN     "site_id" TEXT;
UPDATE "decision_examples" d SET "site_id" = c."site_id" FROM "comments" c WHERE c."id" = d."comment_id";
ALTER TABLE "decision_examples" ALTER COLUMN "site_id" SET NOT NULL;

-- CreateIndex
CREATE INDEX "decision_examples_site_id_decided_at_comment_id_idx" ON "decision_examples"("site_id", "decided_at", "comment_id");
