import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDatabase, withDatabaseName } from '@/database/database-admin.js';
import { type EmbeddedDatabaseServer, openEmbeddedDatabase } from '@/database/embedded-postgres.js';
import { findFreePort } from '@/database/free-port.js';
import { applyMigrations } from '@/database/migrations.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

// This file needs a PostgreSQL of its own, to stop and start it under a running app.
describe('when the database goes away and comes back', () => {
  let scratch: string;
  let server: EmbeddedDatabaseServer;
  let t: TestApp;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'comment-desk-outage-'));
    await chmod(scratch, 0o755);
    server = await openEmbeddedDatabase({ dataDir: path.join(scratch, 'pg'), port: await findFreePort() });
    await createDatabase(server.adminUrl, 'outage');
    const url = withDatabaseName(server.adminUrl, 'outage');
    await applyMigrations(url);
    t = await startTestApp({ databaseUrl: url });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await server?.stop();
    await rm(scratch, { recursive: true, force: true });
  });

  it('turns /readyz to 503, answers database-backed requests with a clean 503, and recovers without a restart', async () => {
    expect((await t.http.get('/readyz')).status).toBe(200);

    await server.stop();

    const ready = await t.http.get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(ready.body).toEqual({ error: { code: 'SERVICE_UNAVAILABLE', message: expect.any(String), details: {} } });

    const article = await t.http.get('/api/v1/articles/anything');
    expect(article.status).toBe(503);
    expect(article.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(article.headers.get('retry-after')).toMatch(/^\d+$/);

    const login = await t.http.post('/api/v1/auth/dev', { name: 'During outage' });
    expect(login.status).toBe(503);
    expect(login.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(login.text).not.toMatch(/stack|at .*\.js:\d+/i);

    expect((await t.http.get('/healthz')).status).toBe(200);

    await server.start();

    expect((await t.http.get('/readyz')).status).toBe(200);
    expect((await t.http.get('/api/v1/articles/anything')).status).toBe(404);
    expect((await t.http.post('/api/v1/auth/dev', { name: 'After outage' })).status).toBe(200);
  }, 60_000);
});
