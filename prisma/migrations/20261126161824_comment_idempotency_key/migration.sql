-- AlterTable
ALTER TABLE "comments" ADD COLUMN     "idempotency_key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "comments_author_id_idempotency_key_key" ON "comments"("author_id", "idempotency_key");
