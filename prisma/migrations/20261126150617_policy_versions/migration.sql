-- CreateTable
CREATE TABLE "policy_versions" (
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" UUID,

    CONSTRAINT "policy_versions_pkey" PRIMARY KEY ("version")
);
