import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { MIGRATIONS_DIR, readMigrationList } from '@/database/migrations.js';
import { createDatabase, dropDatabase, withDatabaseName } from '@/database/database-admin.js';
import { requireEnv } from '../helpers/test-env.js';

const MIGRATION = '20261201171600_site_accountability_and_webhooks';
const DEFAULT_STAND_IN = '00000000-0000-7000-8000-00000000dead';
const MODERATOR = '00000000-0000-7000-8000-000000000001';
const SECOND_READER = '00000000-0000-7000-8000-000000000002';
const ENDPOINT = '00000000-0000-7000-8000-0000000000e1';

/**
 * The migration that gives sites their webhooks, outbox messages and stand-ins, run on a database
 * as the version before it left one: a second site already there, an endpoint of the deployment's
 * with deliveries, mail queued for a reader of the second site, and a comment of the second site
 * whose deleted author was handed to the default site's stand-in.
 */
describe(`the ${MIGRATION} migration on an existing install`, () => {
  const adminUrl = requireEnv('TEST_DATABASE_ADMIN_URL');
  const name = `site_ownership_${process.pid}`;
  const client = new pg.Client({ connectionString: withDatabaseName(adminUrl, name) });

  const run = async (folder: string) => client.query(await readFile(path.join(MIGRATIONS_DIR, folder, 'migration.sql'), 'utf8'));
  const rows = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => (await client.query<T>(text, values)).rows;

  beforeAll(async () => {
    await createDatabase(adminUrl, name);
    await client.connect();
    const folders = (await readMigrationList()).migrationDirectories.map((directory) => directory.path);
    expect(folders).toContain(MIGRATION);
    for (const folder of folders.slice(0, folders.indexOf(MIGRATION))) await run(folder);

    await client.query(`
      INSERT INTO sites (id, name, allowed_origins, updated_at) VALUES ('second', 'Second', '{}', now());
      INSERT INTO users (id, site_id, display_name, provider, role) VALUES
        ('${MODERATOR}', 'default', 'Moderator', 'dev', 'moderator'),
        ('${SECOND_READER}', 'second', 'Reader', 'dev', 'reader');
      INSERT INTO webhook_endpoints (id, url, secret, events, created_by_id)
        VALUES ('${ENDPOINT}', 'https://hooks.example.com/in', 'whsec_x', '{comment.published}', '${MODERATOR}');
      INSERT INTO outbox (id, channel, endpoint_id, payload) VALUES (gen_random_uuid(), 'webhook', '${ENDPOINT}', '{"type": "comment.published"}');
      INSERT INTO outbox (id, channel, recipient_id, payload) VALUES (gen_random_uuid(), 'mail', '${SECOND_READER}', '{"kind": "standing"}');
      INSERT INTO articles (site_id, id, title, url, updated_at) VALUES ('second', 'story', 'Story', 'https://news.example.com/story', now());
      INSERT INTO comments (id, site_id, article_id, author_id, body, status, verdict)
        VALUES (gen_random_uuid(), 'second', 'story', '${DEFAULT_STAND_IN}', 'Kept after its author left.', 'published', '{}');
      INSERT INTO moderation_log (site_id, actor_id, action, target_user_id)
        VALUES ('second', '${DEFAULT_STAND_IN}', 'ban', '${DEFAULT_STAND_IN}');`);
    await run(MIGRATION);
  });
  afterAll(async () => {
    await client.end();
    await dropDatabase(adminUrl, name);
  });

  it("gives the deployment's endpoints, and their deliveries, to the default site; queued mail to its reader's site", async () => {
    expect(await rows('SELECT id::text, site_id FROM webhook_endpoints')).toEqual([{ id: ENDPOINT, site_id: 'default' }]);
    expect(await rows('SELECT channel, site_id FROM outbox ORDER BY channel')).toEqual([
      { channel: 'mail', site_id: 'second' },
      { channel: 'webhook', site_id: 'default' },
    ]);
  });

  it("makes each existing site its own stand-in, keeps the default site's, and moves the second site's rows to its own", async () => {
    const standIns = await rows<{ id: string; site_id: string; banned: boolean }>(
      "SELECT id::text, site_id, banned_at IS NOT NULL AS banned FROM users WHERE provider = 'deleted' ORDER BY site_id",
    );
    expect(standIns.map(({ site_id, banned }) => ({ site_id, banned }))).toEqual([
      { site_id: 'default', banned: true },
      { site_id: 'second', banned: true },
    ]);
    expect(standIns[0]!.id).toBe(DEFAULT_STAND_IN);
    const second = standIns[1]!.id;
    expect(await rows("SELECT author_id::text FROM comments WHERE site_id = 'second'")).toEqual([{ author_id: second }]);
    expect(await rows("SELECT actor_id::text, target_user_id::text FROM moderation_log WHERE site_id = 'second'")).toEqual([
      { actor_id: second, target_user_id: second },
    ]);
    // A site has one stand-in at most.
    await expect(
      client.query("INSERT INTO users (id, site_id, display_name, provider, role) VALUES (gen_random_uuid(), 'second', 'Again', 'deleted', 'reader')"),
    ).rejects.toThrow(/users_deleted_account_site_id_key/);
  });

  it('starts every site on the deployment’s accountability defaults', async () => {
    expect(await rows('SELECT id, public_profiles, like_daily_cap, like_min_gap_seconds, account_deletion FROM sites ORDER BY id')).toEqual([
      { id: 'default', public_profiles: null, like_daily_cap: null, like_min_gap_seconds: null, account_deletion: null },
      { id: 'second', public_profiles: null, like_daily_cap: null, like_min_gap_seconds: null, account_deletion: null },
    ]);
  });
});
