-- The table of one-time token ids already accepted, renamed for what it holds (SSO token ids and popup
-- login transaction ids alike). Renamed in place rather than dropped and created, so the ids already
-- spent stay refused across the upgrade.

-- RenameTable
ALTER TABLE "sso_token_uses" RENAME TO "spent_token_ids";

-- RenamePrimaryKey
ALTER TABLE "spent_token_ids" RENAME CONSTRAINT "sso_token_uses_pkey" TO "spent_token_ids_pkey";

-- RenameIndex
ALTER INDEX "sso_token_uses_expires_at_idx" RENAME TO "spent_token_ids_expires_at_idx";

-- PostgreSQL 18 names its NOT NULL constraints after the table too; older servers have none to rename.
DO $$
DECLARE
  old_name text;
BEGIN
  FOR old_name IN
    SELECT conname FROM pg_constraint WHERE conrelid = '"spent_token_ids"'::regclass AND conname LIKE 'sso\_token\_uses\_%\_not\_null'
  LOOP
    EXECUTE format('ALTER TABLE "spent_token_ids" RENAME CONSTRAINT %I TO %I', old_name, 'spent_token_ids' || substr(old_name, length('sso_token_uses') + 1));
  END LOOP;
END
$$;
