-- DropIndex
DROP INDEX "comments_status_created_at_idx";

-- AlterTable
ALTER TABLE "comments" ADD COLUMN     "decided_at" TIMESTAMPTZ(3),
ADD COLUMN     "decided_by_id" UUID,
ADD COLUMN     "decision_reason" TEXT,
ADD COLUMN     "open_reports" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "moderation_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "comment_id" UUID,
    "target_user_id" UUID,
    "reason" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "moderation_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "moderation_log_comment_id_id_idx" ON "moderation_log"("comment_id", "id");

-- CreateIndex
CREATE INDEX "moderation_log_target_user_id_id_idx" ON "moderation_log"("target_user_id", "id");

-- CreateIndex
CREATE INDEX "comments_status_created_at_id_idx" ON "comments"("status", "created_at", "id");

-- CreateIndex
CREATE INDEX "comments_open_reports_created_at_id_idx" ON "comments"("open_reports", "created_at", "id");
