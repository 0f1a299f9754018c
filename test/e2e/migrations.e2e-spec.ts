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
