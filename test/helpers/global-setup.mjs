// Jest loads global setup through its CommonJS transform, which cannot follow the project's
// ES-module imports, so this file uses the build that `npm test` makes first (dist/).
import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = (file) => import(path.join(root, 'dist', file));

/**
 * One PostgreSQL for the whole run: DATABASE_URL's server when given, otherwise an embedded one in a
 * folder of its own, so runs side by side do not share a data folder. The migrations are applied once,
 * to a template database that each test file copies.
 */
export default async function globalSetup() {
  const { createDatabase, dropDatabase, withDatabaseName } = await dist('database/database-admin.js');
  const { openEmbeddedDatabase } = await dist('database/embedded-postgres.js');
  const { findFreePort } = await dist('database/free-port.js');

  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'comment-desk-test-'));
    await chmod(dataDir, 0o755); // the embedded server runs as the `postgres` user when we are root
    const server = await openEmbeddedDatabase({ dataDir: path.join(dataDir, 'postgres'), port: await findFreePort() });
    globalThis.__commentDeskEmbeddedServer = { server, dataDir };
    adminUrl = server.adminUrl;
  }
  const template = `comment_desk_template_${process.pid}`;
  await dropDatabase(adminUrl, template);
  await createDatabase(adminUrl, template);
  // In a child process (`npm run db:deploy`'s script), so the schema engine's idle timer does not
  // hold Jest open after the run.
  execFileSync(process.execPath, [path.join(root, 'dist', 'database', 'apply-migrations.cli.js')], {
    env: { ...process.env, DATABASE_URL: withDatabaseName(adminUrl, template) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  globalThis.__commentDeskTemplate = { adminUrl, name: template, dropDatabase };
  process.env.TEST_DATABASE_ADMIN_URL = adminUrl;
  process.env.TEST_DATABASE_TEMPLATE = template;
}
