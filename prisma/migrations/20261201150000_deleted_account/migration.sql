-- The author of comments whose account was deleted, when the site keeps them (ACCOUNT_DELETION=anonymise),
-- and the actor or target of moderation log entries about a deleted account. It has no identity, so no
-- one can log in as it, and it is banned, so nothing could write as it.
INSERT INTO "users" ("id", "site_id", "display_name", "provider", "role", "banned_at", "created_at")
VALUES ('00000000-0000-7000-8000-00000000dead', 'default', 'Deleted account', 'deleted', 'reader', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
ON CONFLICT DO NOTHING;
