-- Every instance keeps the principals behind recent bearer tokens in memory. A revoked session, a
-- ban, a role or a name changed: each is announced here with the user id, from the transaction
-- that made it, and every instance reads that user again.
CREATE FUNCTION "announce_principal_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('principal_changes', CASE WHEN TG_OP = 'DELETE' THEN OLD."id" ELSE NEW."id" END::text);
  ELSE
    PERFORM pg_notify('principal_changes', CASE WHEN TG_OP = 'DELETE' THEN OLD."user_id" ELSE NEW."user_id" END::text);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "users_announce_update" AFTER UPDATE ON "users"
  FOR EACH ROW
  WHEN (OLD."role" IS DISTINCT FROM NEW."role" OR OLD."banned_at" IS DISTINCT FROM NEW."banned_at"
        OR OLD."banned_until" IS DISTINCT FROM NEW."banned_until" OR OLD."display_name" IS DISTINCT FROM NEW."display_name")
  EXECUTE FUNCTION "announce_principal_change"();
CREATE TRIGGER "users_announce_delete" AFTER DELETE ON "users"
  FOR EACH ROW EXECUTE FUNCTION "announce_principal_change"();
CREATE TRIGGER "sessions_announce_update" AFTER UPDATE ON "sessions"
  FOR EACH ROW
  WHEN (OLD."revoked_at" IS DISTINCT FROM NEW."revoked_at" OR OLD."expires_at" IS DISTINCT FROM NEW."expires_at")
  EXECUTE FUNCTION "announce_principal_change"();
CREATE TRIGGER "sessions_announce_delete" AFTER DELETE ON "sessions"
  FOR EACH ROW EXECUTE FUNCTION "announce_principal_change"();
