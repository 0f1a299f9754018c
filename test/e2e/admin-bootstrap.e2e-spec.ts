import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ConfigError, loadConfig } from '@/config/config.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import type { ResponseBody } from '../helpers/http-client.js';
import { createTestDatabase, startTestApp, type TestApp } from '../helpers/test-app.js';

const run = promisify(execFile);
const ADMIN_CLI = fileURLToPath(new URL('../../dist/modules/role-grants/admin.cli.js', import.meta.url));

/** `npm run admin -- …` as an operator runs it, against the test's database. */
async function admin(databaseUrl: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [ADMIN_CLI, ...args], {
      env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/**
 * The first admin of a deployment, from outside the API: the admin command (grant before or after a
 * first login, revoke) and ADMIN_SUBJECTS at start. Every change is a role change like the role
 * route's: in the moderation log, and in force for the user's tokens at once.
 */
describe('the first admin', () => {
  let t: TestApp;
  let staff: LoggedInUser;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await aUser(t.http, { role: 'admin' });
  });
  afterAll(() => t.close());

  const roleEntries = async (userId: string): Promise<ResponseBody[]> =>
    (await t.http.get(`/api/v1/moderation/log?action=role_change&userId=${userId}`, { token: staff.token })).body.entries;

  it('grants admin to someone who has never logged in, from their first login, logged once', async () => {
    const granted = await admin(t.databaseUrl, 'grant', 'dev:newsroom-chief', 'admin');
    expect(granted).toMatchObject({ code: 0, stdout: expect.stringContaining('from their first login') });

    const login = await t.http.post('/api/v1/auth/dev', { name: 'Newsroom-Chief' });
    expect(login.status).toBe(200);
    expect(login.body.user.role).toBe('admin');
    const token = login.body.accessToken;
    const put = await t.http.put(
      '/api/v1/articles/first-admin-article',
      { title: 'Registered by the first admin', url: 'https://news.example.com/a' },
      { token },
    );
    expect(put.status).toBe(200);

    const entries = await roleEntries(login.body.user.id);
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'role_change',
        // No person made this change: the log names the site's automation actor.
        actor: expect.objectContaining({ displayName: 'Comment Desk automation', kind: 'automation' }),
        targetUserId: login.body.user.id,
        details: expect.objectContaining({ from: 'reader', to: 'admin', source: 'grant_at_first_login', identity: 'dev:newsroom-chief' }),
      }),
    ]);
    // The grant is spent: another login changes and logs nothing more.
    await t.http.post('/api/v1/auth/dev', { name: 'Newsroom-Chief', role: 'admin' });
    expect(await roleEntries(login.body.user.id)).toHaveLength(1);
  });

  it('makes a known reader a moderator at once (their token too), then revoke makes them a reader again; both logged', async () => {
    const reader = await aUser(t.http, { name: 'Desk Reader' });
    const before = await t.http.get('/api/v1/moderation/queues', { token: reader.token });
    expect(before.status).toBe(403);

    expect(await admin(t.databaseUrl, 'grant', 'dev:desk reader', 'moderator')).toMatchObject({ code: 0, stdout: expect.stringContaining('is now moderator') });
    expect((await t.http.get('/api/v1/me', { token: reader.token })).body.role).toBe('moderator');
    expect((await t.http.get('/api/v1/moderation/queues', { token: reader.token })).status).toBe(200);

    expect(await admin(t.databaseUrl, 'revoke', 'dev:desk reader')).toMatchObject({ code: 0, stdout: expect.stringContaining('is now reader') });
    expect((await t.http.get('/api/v1/me', { token: reader.token })).body.role).toBe('reader');
    expect((await t.http.get('/api/v1/moderation/queues', { token: reader.token })).status).toBe(403);

    const entries = await roleEntries(reader.user.id);
    expect(entries.map((entry) => [entry.details.from, entry.details.to, entry.reason])).toEqual([
      ['reader', 'moderator', 'npm run admin -- grant'],
      ['moderator', 'reader', 'npm run admin -- revoke'],
    ]);
  });

  it('takes back a grant made before a first login', async () => {
    expect((await admin(t.databaseUrl, 'grant', 'dev:changed-mind', 'admin')).code).toBe(0);
    expect((await admin(t.databaseUrl, 'revoke', 'dev:changed-mind')).code).toBe(0);
    const login = await t.http.post('/api/v1/auth/dev', { name: 'changed-mind' });
    expect(login.body.user.role).toBe('reader');
    expect(await roleEntries(login.body.user.id)).toEqual([]);
  });

  it('grants on another site with --site, and only there', async () => {
    const operator = await aUser(t.http, { role: 'operator' });
    expect((await t.http.post('/api/v1/sites', { id: 'weekly', name: 'The weekly' }, { token: operator.token })).status).toBe(201);
    expect((await admin(t.databaseUrl, 'grant', 'dev:weekly-editor', 'admin', '--site', 'weekly')).code).toBe(0);
    const onWeekly = await t.http.post('/api/v1/auth/dev', { name: 'weekly-editor' }, { headers: { 'x-comment-site': 'weekly' } });
    expect(onWeekly.body.user.role).toBe('admin');
    const onDefault = await t.http.post('/api/v1/auth/dev', { name: 'weekly-editor' });
    expect(onDefault.body.user.role).toBe('reader');
  });

  it('refuses a malformed identity, role or site, changing nothing', async () => {
    expect(await admin(t.databaseUrl, 'grant', 'no-colon', 'admin')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no-colon: not a provider:subject'),
    });
    expect(await admin(t.databaseUrl, 'grant', 'dev:someone', 'operator')).toMatchObject({ code: 2, stderr: expect.stringContaining('admin or moderator') });
    expect(await admin(t.databaseUrl, 'grant', 'dev:someone', 'admin', '--site', 'nowhere')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no site nowhere'),
    });
    const login = await t.http.post('/api/v1/auth/dev', { name: 'someone' });
    expect(login.body.user.role).toBe('reader');
  });
});

describe('ADMIN_SUBJECTS', () => {
  it('makes the named logins admins at start, a known one at once and a new one at first login, each logged once across restarts', async () => {
    const database = await createTestDatabase();
    try {
      const first = await startTestApp({ databaseUrl: database.url });
      const known = await aUser(first.http, { name: 'known-editor' });
      await first.close();

      const env = { ADMIN_SUBJECTS: 'dev:known-editor, dev:future-editor' };
      for (let start = 0; start < 2; start++) {
        const app = await startTestApp({ databaseUrl: database.url, env });
        expect((await app.http.get('/api/v1/me', { token: known.token })).body.role).toBe('admin');
        await app.close();
      }
      const app = await startTestApp({ databaseUrl: database.url, env });
      try {
        const future = await app.http.post('/api/v1/auth/dev', { name: 'future-editor' });
        expect(future.body.user.role).toBe('admin');
        const log = await app.http.get('/api/v1/moderation/log?action=role_change', { token: known.token });
        expect(log.body.entries.map((entry: ResponseBody) => [entry.targetUserId, entry.details.source ?? null])).toEqual([
          [known.user.id, 'ADMIN_SUBJECTS'],
          [future.body.user.id, 'grant_at_first_login'],
        ]);
      } finally {
        await app.close();
      }
    } finally {
      await database.drop();
    }
  });

  it('stops the start on an entry that is not provider:subject, naming it', () => {
    const start = () => loadConfig({ NODE_ENV: 'test', ADMIN_SUBJECTS: 'dev:fine,not-an-identity' });
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(/ADMIN_SUBJECTS: "not-an-identity" is not a provider:subject/);
  });
});
