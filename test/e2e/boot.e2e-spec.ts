import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { findFreePort } from '@/database/free-port.js';
import { DEMO_ARTICLE } from '@/modules/embed/demo-article.js';
import { DEMO_CONVERSATION } from '@/modules/embed/demo-conversation.js';
import { HttpClient } from '../helpers/http-client.js';
import { startService, waitUntilReady } from '../helpers/service-process.js';

const sampleCount = DEMO_CONVERSATION.reduce((count, sample) => count + 1 + (sample.replies?.length ?? 0), 0);

// `npm start` as a user runs it: the built service on its embedded PostgreSQL, stopped and started again.
describe('the service started as `npm start` runs it, with no DATABASE_URL', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let http: HttpClient;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'comment-desk-boot-'));
    await chmod(dataDir, 0o755);
    const port = await findFreePort();
    env = { DATA_DIR: dataDir, PORT: String(port), EMBEDDED_DB_PORT: String(await findFreePort()), LOG_LEVEL: 'info', NODE_ENV: 'development' };
    http = new HttpClient(`http://127.0.0.1:${port}`);
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('starts ready with the demo article, keeps data across a restart and applies no migration twice', async () => {
    const first = startService(env);
    try {
      await waitUntilReady(http, first, 60_000);
      expect(first.output()).toContain(`running at ${http.baseUrl}/`);
      // The banner names the database and who may log in; Nest's route listing waits for LOG_LEVEL=debug.
      expect(first.output()).toMatch(/database: +embedded PostgreSQL on 127\.0\.0\.1:\d+/);
      expect(first.output()).toContain('login providers: dev');
      expect(first.output()).toContain(`allowed origins: ${http.baseUrl}`);
      expect(first.output()).not.toMatch(/RouterExplorer|RoutesResolver|Mapped \{/);
      expect(first.output()).toMatch(/applied \d+ migration/);
      const demo = await http.get(`/api/v1/articles/${DEMO_ARTICLE.id}`);
      expect(demo.status).toBe(200);
      expect(demo.body.title).toBe(DEMO_ARTICLE.title);
      // The demo starts with the sample conversation, every sample published by the policy.
      expect(demo.body.commentCount).toBe(sampleCount);
      const threads = (await http.get(`/api/v1/articles/${DEMO_ARTICLE.id}/comments?sort=oldest`)).body.comments as { body: string; replyCount: number }[];
      expect(threads.map((comment) => comment.body)).toEqual(DEMO_CONVERSATION.map((sample) => sample.body));
      const admin = await http.post('/api/v1/auth/dev', { name: 'Boot admin', role: 'admin' });
      expect((await http.put('/api/v1/articles/kept', { title: 'Kept', url: 'https://x.example/k' }, { token: admin.body.accessToken })).status).toBe(200);
    } finally {
      first.child.kill('SIGTERM');
    }
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('shutting down');

    const second = startService(env);
    try {
      await waitUntilReady(http, second, 60_000);
      expect(second.output()).toContain('database schema is up to date');
      expect((await http.get('/api/v1/articles/kept')).body.title).toBe('Kept');
      // Seeded once: a restart finds the conversation there and adds nothing.
      expect((await http.get(`/api/v1/articles/${DEMO_ARTICLE.id}`)).body.commentCount).toBe(sampleCount);
    } finally {
      second.child.kill('SIGTERM');
    }
    expect(await second.exited).toBe(0);
  }, 150_000);

  it('refuses to start on a bad setting and names the variable', async () => {
    const started = startService({ ...env, PORT: 'eighty', COMMENT_RATE_LIMIT: 'lots' });
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain('PORT');
    expect(started.output()).toContain('COMMENT_RATE_LIMIT');
  });
});
