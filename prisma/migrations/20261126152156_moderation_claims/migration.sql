-- CreateTable
CREATE TABLE "moderation_claims" (
    "comment_id" UUID NOT NULL,
    "moderator_id" UUID NOT NULL,
    "until" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "moderation_claims_pkey" PRIMARY KEY ("comment_id")
);
