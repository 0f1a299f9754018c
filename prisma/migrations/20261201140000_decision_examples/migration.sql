-- Moderators' decisions as labelled examples for retraining the abuse classifier.

-- CreateTable
CREATE TABLE "decision_examples" (
    "comment_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "label" SMALLINT NOT NULL,
    "queue" TEXT NOT NULL,
    "policy_version" INTEGER NOT NULL,
    "rule_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "score" DOUBLE PRECISION,
    "decided_by_id" UUID NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "decision_examples_pkey" PRIMARY KEY ("comment_id")
);

-- CreateIndex
CREATE INDEX "decision_examples_decided_at_comment_id_idx" ON "decision_examples"("decided_at", "comment_id");

-- AddForeignKey
ALTER TABLE "decision_examples" ADD CONSTRAINT "decision_examples_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
