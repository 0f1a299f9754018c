/**
 * `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql from
 * the difference between the schema the existing migrations lead to and prisma/schema.prisma, using
 * Prisma's schema engine in WebAssembly (the CLI's native engine cannot be downloaded everywhere).
 * The engine needs a server to talk to, and the whole folder is replayed into a scratch database to
 * prove the new SQL applies: on DATABASE_URL's server, or on a throw-away embedded PostgreSQL.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedDatabase } from './embedded-postgres.js';
import { applyMigrations, createMigration } from './migrations.js';
import { createDatabase, dropDatabase, withDatabaseName } from './database-admin.js';
import { findFreePort } from './free-port.js';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Za-z0-9_-]+$/.test(name)) {
    console.error('usage: npm run db:migration -- <name>   (letters, digits, _ and - only)');
    process.exitCode = 2;
    return;
  }
  const scratchDir = await mkdtemp(path.join(os.tmpdir(), 'comment-desk-migration-'));
  await chmod(scratchDir, 0o755); // the embedded server runs as the `postgres` user when we are root
  const server = process.env.DATABASE_URL ? undefined : await openEmbeddedDatabase({ dataDir: path.join(scratchDir, 'pg'), port: await findFreePort() });
  const adminUrl = server?.adminUrl ?? process.env.DATABASE_URL!;
  const scratchName = `migration_scratch_${process.pid}`;
  try {
    await createDatabase(adminUrl, scratchName);
    const scratchUrl = withDatabaseName(adminUrl, scratchName);
    const folder = await createMigration(scratchUrl, name);
    if (!folder) {
      console.log('prisma/schema.prisma has no change since the last migration: nothing written');
      return;
    }
    // Replaying the whole folder proves the new SQL applies on top of the old.
    await applyMigrations(scratchUrl);
    console.log(`wrote prisma/migrations/${folder}/migration.sql`);
  } finally {
    await dropDatabase(adminUrl, scratchName).catch(() => undefined);
    await server?.stop();
    await rm(scratchDir, { recursive: true, force: true });
  }
}

await main();
// The WebAssembly engine leaves an idle timer behind; a command-line tool should not wait for it.
process.exit(process.exitCode ?? 0);
