-- CreateTable
CREATE TABLE "article_groups" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "article_ids" TEXT[],
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "article_groups_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "article_groups_name_key" ON "article_groups"("name");
