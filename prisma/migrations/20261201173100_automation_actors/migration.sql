-- Each site's automation actor: the user the moderation log names for what the service did by itself
-- (the automatic closing or premoderation of an article). It has no identity, so no one can log in as
-- it. One per site, found by its provider `automation`; sites created later get theirs with them.
CREATE UNIQUE INDEX IF NOT EXISTS "users_automation_actor_key" ON "users"("site_id") WHERE "provider" = 'automation';

INSERT INTO "users" ("id", "site_id", "display_name", "provider", "role", "created_at")
SELECT uuidv7(), "id", 'Comment Desk automation', 'automation', 'reader', CURRENT_TIMESTAMP FROM "sites"
ON CONFLICT DO NOTHING;

-- The entries written before, with the nil UUID as their actor, name their site's automation actor.
UPDATE "moderation_log" l SET "actor_id" = u."id"
FROM "users" u
WHERE l."actor_id" = '00000000-0000-0000-0000-000000000000' AND u."site_id" = l."site_id" AND u."provider" = 'automation';
