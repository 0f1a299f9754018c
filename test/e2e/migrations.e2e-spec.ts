import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { applyMigrations, MIGRATIONS_DIR, pendingMigrationSql, readMigrationList } from '@/database/migrations.js';
import { createDatabase, dropDatabase, withDatabaseName } from '@/database/database-admin.js';
import { requireEnv } from '../helpers/test-env.js';

describe('migrations at start-up', () => {
  const adminUrl = requireEnv('TEST_DATABASE_ADMIN_URL');
  const name = `migrations_${process.pid}`;
  const url = withDatabaseName(adminUrl, name);

  beforeAll(() => createDatabase(adminUrl, name));
  afterAll(() => dropDatabase(adminUrl, name));

  it('applies every migration once, records it as `prisma migrate deploy` does, and applies nothing the second time', async () => {
    const folders = (await readMigrationList()).migrationDirectories.map((directory) => directory.path);
    expect(folders.length).toBeGreaterThan(0);

    expect(await applyMigrations(url)).toEqual(folders);
    expect(await applyMigrations(url)).toEqual([]);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
        'SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
      );
      expect(rows.map((row) => row.migration_name)).toEqual(folders);
      for (const row of rows) {
        const sql = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
        expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
        expect(row.finished_at).toBeInstanceOf(Date);
        expect(row.applied_steps_count).toBe(1);
      }
    } finally {
      await client.end();
    }
  });

  it('has a migration for every change in prisma/schema.prisma', async () => {
    expect(await pendingMigrationSql(adminUrl)).toBe('');
  });
});

/**
 * The data steps of the migrations that gave sites their own automation actor and their own labelled
 * examples, replayed on a database put back in the state they found: rows of the versions before.
 */
describe('the data steps of the site migrations', () => {
  const adminUrl = requireEnv('TEST_DATABASE_ADMIN_URL');
  const name = `migration_data_${process.pid}`;
  const database = { url: withDatabaseName(adminUrl, name) };
  const run = async (client: pg.Client, folder: string) => client.query(await readFile(path.join(MIGRATIONS_DIR, folder, 'migration.sql'), 'utf8'));

  // A copy of the migrated template: the schema as the migrations leave it.
  beforeAll(() => createDatabase(adminUrl, name, requireEnv('TEST_DATABASE_TEMPLATE')));
  afterAll(() => dropDatabase(adminUrl, name));

  it("gives each site an automation actor, moves the nil UUID's log entries to it, and is a no-op the second time", async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(`INSERT INTO sites (id, name, allowed_origins, updated_at) VALUES ('older', 'An older site', '{}', now())`);
      await client.query(`DELETE FROM users WHERE provider = 'automation'`);
      await client.query(`DROP INDEX users_automation_actor_key`);
      await client.query(
        `INSERT INTO moderation_log (site_id, actor_id, action, details) VALUES ('older', '00000000-0000-0000-0000-000000000000', 'auto_close', '{}'), ('default', '00000000-0000-0000-0000-000000000000', 'auto_premoderate', '{}')`,
      );
      await run(client, '20261201173100_automation_actors');
      await run(client, '20261201173100_automation_actors');
      const actors = (
        await client.query<{ id: string; site_id: string; display_name: string }>(
          `SELECT id, site_id, display_name FROM users WHERE provider = 'automation' ORDER BY site_id`,
        )
      ).rows;
      expect(actors.map((actor) => [actor.site_id, actor.display_name])).toEqual([
        ['default', 'Comment Desk automation'],
        ['older', 'Comment Desk automation'],
      ]);
      expect((await client.query(`SELECT 1 FROM identities WHERE user_id = ANY($1::uuid[])`, [actors.map((actor) => actor.id)])).rowCount).toBe(0);
      const entries = (await client.query<{ site_id: string; actor_id: string }>(`SELECT site_id, actor_id FROM moderation_log ORDER BY site_id`)).rows;
      expect(entries).toEqual(actors.map((actor) => ({ site_id: actor.site_id, actor_id: actor.id })));
    } finally {
      await client.end();
    }
  });

  it("gives each labelled example its comment's site", async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(`ALTER TABLE decision_examples DROP COLUMN site_id`);
      await client.query(`INSERT INTO sites (id, name, allowed_origins, updated_at) VALUES ('second', 'A second site', '{}', now()) ON CONFLICT DO NOTHING`);
      for (const site of ['default', 'second']) {
        const user = (
          await client.query<{ id: string }>(`INSERT INTO users (id, site_id, display_name, provider) VALUES (uuidv7(), $1, 'Kim', 'dev') RETURNING id`, [site])
        ).rows[0]!;
        await client.query(`INSERT INTO articles (id, site_id, title, url, updated_at) VALUES ('a-1', $1, 'A story', 'https://news.example.com/a-1', now())`, [
          site,
        ]);
        const comment = (
          await client.query<{ id: string }>(
            `INSERT INTO comments (id, site_id, article_id, author_id, body, status, verdict) VALUES (uuidv7(), $1, 'a-1', $2, $3, 'rejected', '{}') RETURNING id`,
            [site, user.id, `Decided on ${site}`],
          )
        ).rows[0]!;
        await client.query(
          `INSERT INTO decision_examples (comment_id, body, label, queue, policy_version, decided_by_id) VALUES ($1, $2, 1, 'pending', 1, $3)`,
          [comment.id, `Decided on ${site}`, user.id],
        );
      }
      await run(client, '20261201172519_decision_examples_site');
      const rows = (await client.query<{ body: string; site_id: string }>(`SELECT body, site_id FROM decision_examples ORDER BY body`)).rows;
      expect(rows).toEqual([
        { body: 'Decided on default', site_id: 'default' },
        { body: 'Decided on second', site_id: 'second' },
      ]);
    } finally {
      await client.end();
    }
  });
});
