-- Accountability is each site's: profiles, like caps and what a deleted account leaves behind are
-- stored with the site (null: the deployment's default, from its environment variables). Webhook
-- endpoints and outbox messages belong to a site, and each site has its own deleted-account stand-in.

-- CreateEnum
CREATE TYPE "AccountDeletion" AS ENUM ('anonymise', 'delete');

-- AlterTable
ALTER TABLE "sites" ADD COLUMN     "account_deletion" "AccountDeletion",
ADD COLUMN     "like_daily_cap" INTEGER,
ADD COLUMN     "like_min_gap_seconds" INTEGER,
ADD COLUMN     "public_profiles" BOOLEAN;

-- AlterTable: the endpoints there are were the deployment's, which the default site inherits.
ALTER TABLE "webhook_endpoints" ADD COLUMN     "site_id" TEXT NOT NULL DEFAULT 'default';
ALTER TABLE "webhook_endpoints" ALTER COLUMN "site_id" DROP DEFAULT;

-- AlterTable: a mail's site is its reader's; a webhook delivery's, its endpoint's.
ALTER TABLE "outbox" ADD COLUMN     "site_id" TEXT NOT NULL DEFAULT 'default';
UPDATE "outbox" o SET "site_id" = u."site_id" FROM "users" u WHERE u."id" = o."recipient_id";
UPDATE "outbox" o SET "site_id" = e."site_id" FROM "webhook_endpoints" e WHERE e."id" = o."endpoint_id";
ALTER TABLE "outbox" ALTER COLUMN "site_id" DROP DEFAULT;

-- CreateIndex
CREATE INDEX "webhook_endpoints_site_id_idx" ON "webhook_endpoints"("site_id");

-- AddForeignKey
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One "Deleted account" stand-in per site (the default site keeps the one it has, id ending 00000000dead):
-- no identity, so no one logs in as it; banned, so nothing writes as it.
CREATE UNIQUE INDEX "users_deleted_account_site_id_key" ON "users"("site_id") WHERE "provider" = 'deleted';
INSERT INTO "users" ("id", "site_id", "display_name", "provider", "role", "banned_at", "created_at")
SELECT uuidv7(), s."id", 'Deleted account', 'deleted', 'reader', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM "sites" s
WHERE NOT EXISTS (SELECT 1 FROM "users" u WHERE u."site_id" = s."id" AND u."provider" = 'deleted');

-- Rows of other sites that the default site's stand-in took over move to their own site's.
UPDATE "comments" c SET "author_id" = d."id" FROM "users" d
WHERE c."author_id" = '00000000-0000-7000-8000-00000000dead' AND c."site_id" <> 'default' AND d."site_id" = c."site_id" AND d."provider" = 'deleted';
UPDATE "comments" c SET "decided_by_id" = d."id" FROM "users" d
WHERE c."decided_by_id" = '00000000-0000-7000-8000-00000000dead' AND c."site_id" <> 'default' AND d."site_id" = c."site_id" AND d."provider" = 'deleted';
UPDATE "moderation_log" l SET "actor_id" = d."id" FROM "users" d
WHERE l."actor_id" = '00000000-0000-7000-8000-00000000dead' AND l."site_id" <> 'default' AND d."site_id" = l."site_id" AND d."provider" = 'deleted';
UPDATE "moderation_log" l SET "target_user_id" = d."id" FROM "users" d
WHERE l."target_user_id" = '00000000-0000-7000-8000-00000000dead' AND l."site_id" <> 'default' AND d."site_id" = l."site_id" AND d."provider" = 'deleted';
UPDATE "article_groups" g SET "created_by_id" = d."id" FROM "users" d
WHERE g."created_by_id" = '00000000-0000-7000-8000-00000000dead' AND g."site_id" <> 'default' AND d."site_id" = g."site_id" AND d."provider" = 'deleted';
UPDATE "policy_versions" v SET "created_by_id" = d."id" FROM "users" d
WHERE v."created_by_id" = '00000000-0000-7000-8000-00000000dead' AND v."site_id" <> 'default' AND d."site_id" = v."site_id" AND d."provider" = 'deleted';
