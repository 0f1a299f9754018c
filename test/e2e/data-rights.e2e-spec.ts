import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anArticle } from '../factories/articles.js';
import { aComment } from '../factories/comments.js';
import { aSite } from '../factories/sites.js';
import { anSsoToken, aUser, type LoggedInUser } from '../factories/users.js';
import type { SiteHttpClient } from '../helpers/site-client.js';
import { sql } from '../helpers/sql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

interface Reader extends LoggedInUser {
  /** What identifies the person: none of it may be left anywhere once the account is deleted. */
  personal: { id: string; displayName: string; email: string; subject: string };
}

/** A reader from the publisher's login, with an address, and notification settings of their own. */
async function aPublisherReader(t: TestApp, name: string): Promise<Reader> {
  const subject = `publisher-${randomUUID()}`;
  const email = `${subject}@mail.example.test`;
  const response = await t.http.post('/api/v1/auth/sso', { token: await anSsoToken({ sub: subject, name, email, email_verified: true }) });
  expect(response.status).toBe(200);
  const reader = { token: response.body.accessToken as string, user: response.body.user };
  expect((await t.http.put('/api/v1/me/notifications', { reply: true, decision: true, standing: true }, { token: reader.token })).body.email).toBe(email);
  return { ...reader, personal: { id: reader.user.id, displayName: name, email, subject } };
}

/** Every row of every table of the application, as JSON text, by table. */
async function everyRow(databaseUrl: string): Promise<Map<string, string[]>> {
  const tables = await sql<{ name: string }>(databaseUrl, "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
  const rows = new Map<string, string[]>();
  for (const { name } of tables) {
    const found = await sql<{ row: string }>(databaseUrl, `SELECT row_to_json(t)::text AS row FROM "${name}" t`);
    rows.set(
      name,
      found.map(({ row }) => row),
    );
  }
  return rows;
}

/** Whatever the counters say agrees with the rows they count. */
async function countsThatDisagree(databaseUrl: string): Promise<unknown[]> {
  return sql(
    databaseUrl,
    `SELECT 'article' AS kind, a.id FROM articles a
       WHERE a.comment_count <> (SELECT count(*) FROM comments c WHERE c.article_id = a.id AND c.status = 'published')
     UNION ALL SELECT 'replies', c.id::text FROM comments c
       WHERE c.reply_count <> (SELECT count(*) FROM comments r WHERE r.parent_id = c.id AND r.status = 'published')
     UNION ALL SELECT 'likes', c.id::text FROM comments c WHERE c.like_count <> (SELECT count(*) FROM comment_likes l WHERE l.comment_id = c.id)
     UNION ALL SELECT 'reports', c.id::text FROM comments c WHERE c.report_count <> (SELECT count(*) FROM comment_reports r WHERE r.comment_id = c.id)`,
  );
}

describe.each(['anonymise', 'delete'] as const)('data rights (ACCOUNT_DELETION=%s)', (mode) => {
  let t: TestApp;
  let admin: LoggedInUser;
  let moderator: LoggedInUser;
  let leaving: Reader;
  let staying: Reader;
  let articleId: string;
  let heldId: string;
  const mine: string[] = [];
  const theirs: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ env: { ACCOUNT_DELETION: mode } });
    admin = await aUser(t.http, { role: 'operator' });
    moderator = await aUser(t.http, { role: 'moderator' });
    // Deliveries about the readers are queued for a publisher, naming them.
    const hook = await t.http.post(
      '/api/v1/admin/webhooks',
      { url: 'http://127.0.0.1:9/hook', events: ['comment.published', 'comment.held', 'comment.decided', 'comment.reported', 'user.banned'] },
      { token: admin.token },
    );
    expect(hook.status).toBe(201);
    leaving = await aPublisherReader(t, `Leaving Reader ${randomUUID().slice(0, 8)}`);
    staying = await aPublisherReader(t, `Staying Reader ${randomUUID().slice(0, 8)}`);
    articleId = (await anArticle(t.http, admin.token)).id;
    const premoderated = (await anArticle(t.http, admin.token, { premoderation: true })).id;

    const theirThread = await aComment(t.http, staying.token, articleId, { body: 'A thread started by the reader who stays.' });
    const theirOther = await aComment(t.http, staying.token, articleId, { body: 'Another comment by the reader who stays.' });
    theirs.push(theirThread.id, theirOther.id);
    const myThread = await aComment(t.http, leaving.token, articleId, { body: 'A thread started by the reader who leaves.' });
    const myReply = await aComment(t.http, leaving.token, articleId, { parentId: theirThread.id, body: 'A reply by the reader who leaves.' });
    const held = await aComment(t.http, leaving.token, premoderated, { body: 'A held comment by the reader who leaves.' });
    heldId = held.id;
    mine.push(myThread.id, myReply.id, held.id);
    theirs.push((await aComment(t.http, staying.token, articleId, { parentId: myThread.id, body: 'A reply to the reader who leaves.' })).id);

    expect(
      (await t.http.patch(`/api/v1/comments/${myThread.id}`, { body: 'A thread started, then edited, by the reader who leaves.' }, { token: leaving.token }))
        .status,
    ).toBe(200);
    expect((await t.http.put(`/api/v1/comments/${theirThread.id}/like`, undefined, { token: leaving.token })).status).toBe(200);
    expect((await t.http.put(`/api/v1/comments/${myThread.id}/like`, undefined, { token: staying.token })).status).toBe(200);
    expect(
      (await t.http.post(`/api/v1/comments/${theirOther.id}/reports`, { reason: 'off_topic', note: 'not about this' }, { token: leaving.token })).status,
    ).toBe(201);
    expect((await t.http.post(`/api/v1/comments/${myThread.id}/reports`, { reason: 'spam' }, { token: staying.token })).status).toBe(201);
    const decided = await t.http.post(
      `/api/v1/moderation/comments/${held.id}/decision`,
      { action: 'reject', reason: 'Off topic for this story' },
      { token: moderator.token },
    );
    expect(decided.status).toBe(200);
    const until = new Date(Date.now() + 3_600_000).toISOString();
    expect((await t.http.post(`/api/v1/moderation/users/${leaving.user.id}/ban`, { until, reason: 'Cooling off' }, { token: moderator.token })).status).toBe(
      200,
    );
    expect((await t.http.delete(`/api/v1/moderation/users/${leaving.user.id}/ban`, { token: moderator.token, headers: {} })).status).toBe(200);
  });
  afterAll(() => t.close());

  it('exports exactly my comments, likes, reports, identities and settings', async () => {
    const response = await t.http.get('/api/v1/me/export', { token: leaving.token });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const exported = response.body;
    expect(exported.user).toMatchObject({ id: leaving.user.id, displayName: leaving.personal.displayName, provider: 'sso' });
    expect(exported.identities).toEqual([
      { provider: 'sso', subject: leaving.personal.subject, email: leaving.personal.email, emailVerified: true, createdAt: expect.any(String) },
    ]);
    expect(exported.notificationSettings).toMatchObject({ email: leaving.personal.email, reply: true, decision: true, standing: true });
    expect(exported.comments.map((comment: { id: string }) => comment.id).sort()).toEqual([...mine].sort());
    const thread = exported.comments.find((comment: { id: string }) => comment.id === mine[0]);
    expect(thread.revisions.map((revision: { body: string }) => revision.body)).toEqual(['A thread started by the reader who leaves.']);
    expect(exported.likes).toEqual([{ commentId: theirs[0], createdAt: expect.any(String) }]);
    expect(exported.reports).toEqual([{ commentId: theirs[1], reason: 'off_topic', note: 'not about this', createdAt: expect.any(String) }]);
    // Nothing of the other reader's, but the ids of the comments I liked and reported.
    const text = JSON.stringify(exported);
    for (const other of [staying.user.id, staying.personal.displayName, staying.personal.email, staying.personal.subject, 'by the reader who stays']) {
      expect(text).not.toContain(other);
    }
  });

  it('limits exports with 429 RATE_LIMITED and Retry-After', async () => {
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await t.http.get('/api/v1/me/export', { token: staying.token }));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const refused = await t.http.get('/api/v1/me/export', { token: staying.token });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses to delete an account without the display name typed as confirmation', async () => {
    for (const body of [{}, { confirm: leaving.personal.displayName.toUpperCase() }]) {
      const refused = await t.http.request('DELETE', '/api/v1/me', body, { token: leaving.token });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await t.http.get('/api/v1/me', { token: leaving.token })).status).toBe(200);
  });

  it('deletes the account: no personal data of mine left in any table, the counts still add up, the log keeps the moderator’s side', async () => {
    const before = (await t.http.get(`/api/v1/articles/${articleId}`)).body.commentCount as number;
    const deleted = await t.http.request('DELETE', '/api/v1/me', { confirm: leaving.personal.displayName }, { token: leaving.token });
    expect(deleted.status).toBe(204);
    expect((await t.http.get('/api/v1/me', { token: leaving.token })).body.error.code).toBe('AUTH_REQUIRED');

    const rows = await everyRow(t.databaseUrl);
    expect(rows.size).toBeGreaterThanOrEqual(18);
    const left = [...rows].flatMap(([table, texts]) =>
      texts
        .filter((text) => Object.values(leaving.personal).some((value) => text.toLowerCase().includes(value.toLowerCase())))
        .map((text) => `${table}: ${text}`),
    );
    expect(left).toEqual([]);
    // The other reader is all there.
    expect(rows.get('users')!.some((text) => text.includes(staying.user.id))).toBe(true);
    expect(rows.get('identities')!.some((text) => text.includes(staying.personal.subject))).toBe(true);

    expect(await countsThatDisagree(t.databaseUrl)).toEqual([]);
    const after = (await t.http.get(`/api/v1/articles/${articleId}`)).body.commentCount;
    // Two of my comments were published there.
    expect(after).toBe(mode === 'anonymise' ? before : before - 2);

    const log = (await t.http.get(`/api/v1/moderation/log?commentId=${heldId}`, { token: moderator.token })).body.entries;
    expect(log).toEqual([
      expect.objectContaining({
        action: 'reject',
        reason: 'Off topic for this story',
        actor: { id: moderator.user.id, displayName: moderator.user.displayName, kind: 'person' },
      }),
    ]);

    const threads = (await t.http.get(`/api/v1/articles/${articleId}/comments?sort=oldest`)).body.comments as {
      id: string;
      body: string;
      status: string;
      author: { displayName: string };
    }[];
    const myThread = threads.find((comment) => comment.id === mine[0]);
    if (mode === 'anonymise') {
      expect(myThread).toMatchObject({
        status: 'published',
        body: 'A thread started, then edited, by the reader who leaves.',
        author: { displayName: 'Deleted account' },
      });
    } else {
      expect(myThread?.status ?? 'deleted').toBe('deleted');
      expect(rows.get('comments')!.filter((text) => text.includes('by the reader who leaves'))).toEqual([]);
    }
    // Replies others wrote to my thread stay.
    const replies = (await t.http.get(`/api/v1/articles/${articleId}/comments?parentId=${mine[0]}`)).body.comments as { id: string }[];
    expect(replies.map((reply) => reply.id)).toEqual([theirs[2]]);
  });
});

/**
 * Deleting accounts of sites other than the default one: each site keeps (or deletes, as it chose)
 * its own readers' comments, under its own stand-in, and nothing of the account is left anywhere.
 */
describe('data rights on sites of their own', () => {
  let t: TestApp;
  let keeping: Awaited<ReturnType<typeof aSite>>;
  let erasing: Awaited<ReturnType<typeof aSite>>;

  beforeAll(async () => {
    t = await startTestApp();
    const operator = await aUser(t.http, { role: 'operator' });
    keeping = await aSite(t.http, operator.token);
    erasing = await aSite(t.http, operator.token, { accountability: { accountDeletion: 'delete' } });
  });
  afterAll(() => t.close());

  /** A thread by a reader who then deletes their account, with a reply by one who stays and a like each way. */
  async function aDeletedReadersThread(http: SiteHttpClient) {
    const admin = await aUser(http, { role: 'admin' });
    const articleId = (await anArticle(http, admin.token)).id;
    const leaving = await aUser(http, { name: `Leaving ${http.siteId} ${randomUUID().slice(0, 8)}` });
    const staying = await aUser(http);
    const thread = await aComment(http, leaving.token, articleId, { body: `A thread by the reader of ${http.siteId} who leaves.` });
    const reply = await aComment(http, staying.token, articleId, { parentId: thread.id });
    expect((await http.put(`/api/v1/comments/${reply.id}/like`, undefined, { token: leaving.token })).status).toBe(200);
    expect((await http.put(`/api/v1/comments/${thread.id}/like`, undefined, { token: staying.token })).status).toBe(200);
    const deleted = await http.request('DELETE', '/api/v1/me', { confirm: leaving.user.displayName }, { token: leaving.token });
    expect(deleted.status).toBe(204);
    const threads = (await http.get(`/api/v1/articles/${articleId}/comments`)).body.comments as {
      id: string;
      status: string;
      body: string;
      author: { id: string; displayName: string };
    }[];
    const replies = (await http.get(`/api/v1/articles/${articleId}/comments?parentId=${thread.id}`)).body.comments as { id: string }[];
    return { leaving, thread: threads.find((comment) => comment.id === thread.id), replies };
  }

  /** The site's "Deleted account" user, and the site of the default one's. */
  const standInOf = async (siteId: string) =>
    (await sql<{ id: string }>(t.databaseUrl, "SELECT id::text FROM users WHERE site_id = $1 AND provider = 'deleted'", [siteId])).map((row) => row.id);

  it("keeps a deleted reader's comments on their site under that site's own stand-in, and leaves no row of theirs in any table", async () => {
    const { leaving, thread, replies } = await aDeletedReadersThread(keeping.http);
    const [standIn] = await standInOf(keeping.id);
    expect(standIn).toBeDefined();
    expect(standIn).not.toBe('00000000-0000-7000-8000-00000000dead');
    expect(thread).toMatchObject({ status: 'published', author: { id: standIn, displayName: 'Deleted account' } });
    expect(replies).toHaveLength(1);
    // The stand-in is nobody's public record.
    expect((await keeping.http.get(`/api/v1/users/${standIn}/profile`)).status).toBe(404);

    const rows = await everyRow(t.databaseUrl);
    const left = [...rows].flatMap(([table, texts]) =>
      texts.filter((text) => text.includes(leaving.user.id) || text.includes(leaving.user.displayName)).map((text) => `${table}: ${text}`),
    );
    expect(left).toEqual([]);
    expect(await countsThatDisagree(t.databaseUrl)).toEqual([]);
  });

  it('deletes the comments of a deleted reader on a site that chose so, while the replies to them stay', async () => {
    const { thread, replies } = await aDeletedReadersThread(erasing.http);
    expect(thread?.status ?? 'deleted').toBe('deleted');
    expect(replies).toHaveLength(1);
    const [standIn] = await standInOf(erasing.id);
    const bodies = await sql<{ body: string; author_id: string }>(
      t.databaseUrl,
      'SELECT body, author_id::text FROM comments WHERE site_id = $1 AND parent_id IS NULL',
      [erasing.id],
    );
    expect(bodies).toEqual([{ body: '', author_id: standIn }]);
  });

  it('gives every site exactly one stand-in, made with the site', async () => {
    for (const siteId of ['default', keeping.id, erasing.id]) expect(await standInOf(siteId)).toHaveLength(1);
    expect(await standInOf('default')).toEqual(['00000000-0000-7000-8000-00000000dead']);
  });
});
