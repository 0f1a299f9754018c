import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, dropDatabase, withDatabaseName } from '@/database/database-admin.js';
import { openEmbeddedDatabase } from '@/database/embedded-postgres.js';
import { findFreePort } from '@/database/free-port.js';
import { applyMigrations } from '@/database/migrations.js';
import type { Cleanup } from './cleanup.js';

export interface BenchDatabase {
  /** The dedicated, migrated database. */
  url: string;
  /** Where it lives: "embedded" or the DATABASE_URL server's host. */
  where: string;
}

const DATABASE_NAME = 'comment_desk_bench_http';

/**
 * A fresh database for this run: on DATABASE_URL's server when it is set, else on an embedded
 * PostgreSQL of its own in a temp folder. Everything it creates is registered for cleanup.
 */
export async function openBenchDatabase(cleanup: Cleanup): Promise<BenchDatabase> {
  const given = process.env.DATABASE_URL;
  const adminUrl = given ?? (await startEmbeddedServer(cleanup));
  await dropDatabase(adminUrl, DATABASE_NAME);
  await createDatabase(adminUrl, DATABASE_NAME);
  cleanup.add('drop the bench database', () => dropDatabase(adminUrl, DATABASE_NAME));
  const url = withDatabaseName(adminUrl, DATABASE_NAME);
  await applyMigrations(url);
  return { url, where: given ? `DATABASE_URL (${new URL(given).host})` : 'embedded' };
}

async function startEmbeddedServer(cleanup: Cleanup): Promise<string> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'comment-desk-http-bench-'));
  cleanup.add('remove the temp folder', () => rm(scratch, { recursive: true, force: true }));
  // As root the server runs as the `postgres` user, which must be able to enter the folder.
  await chmod(scratch, 0o755);
  const server = await openEmbeddedDatabase({ dataDir: path.join(scratch, 'pg'), port: await findFreePort() });
  cleanup.add('stop the embedded PostgreSQL', () => server.stop());
  return server.adminUrl;
}
