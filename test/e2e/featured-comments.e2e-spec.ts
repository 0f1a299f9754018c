import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { commentPageStatement } from '@/modules/comments/comments.repository.js';
import { DEFAULT_SITE_ID, mintSiteScope } from '@/modules/sites/site-scope.js';
import { anArticle } from '../factories/articles.js';
import { aComment } from '../factories/comments.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

describe('featured comments (staff picks)', () => {
  let t: TestApp;
  let admin: LoggedInUser;
  let moderator: LoggedInUser;
  let reader: LoggedInUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await aUser(t.http, { role: 'admin' });
    moderator = await aUser(t.http, { role: 'moderator' });
    reader = await aUser(t.http);
  });
  afterAll(() => t.close());

  const feature = (commentId: string, token = moderator.token) => t.http.put(`/api/v1/moderation/comments/${commentId}/feature`, undefined, { token });
  const unfeature = (commentId: string, token = moderator.token) => t.http.delete(`/api/v1/moderation/comments/${commentId}/feature`, { token });
  const featuredList = async (articleId: string, token?: string, sort = 'newest') =>
    (await t.http.get(`/api/v1/articles/${articleId}/comments?featured=true&sort=${sort}`, token ? { token } : {})).body.comments as {
      id: string;
      featured: boolean;
    }[];

  it('lists only featured comments under featured=true, for anonymous and logged-in readers, and badges them in every list', async () => {
    const article = await anArticle(t.http, admin.token);
    const [first, second, plain] = [
      await aComment(t.http, reader.token, article.id),
      await aComment(t.http, reader.token, article.id),
      await aComment(t.http, reader.token, article.id),
    ];
    // Read once before, so the anonymous featured page is cached and must be dropped by the change.
    expect(await featuredList(article.id)).toEqual([]);

    const answer = await feature(first.id);
    expect(answer.status).toBe(200);
    expect(answer.body.comment).toMatchObject({ id: first.id, featured: true, status: 'published' });
    expect((await feature(second.id)).status).toBe(200);

    expect((await featuredList(article.id)).map((comment) => comment.id)).toEqual([second.id, first.id]);
    expect((await featuredList(article.id, undefined, 'oldest')).map((comment) => comment.id)).toEqual([first.id, second.id]);
    expect((await featuredList(article.id, reader.token)).map((comment) => comment.id)).toEqual([second.id, first.id]);
    const all = (await t.http.get(`/api/v1/articles/${article.id}/comments`)).body.comments as { id: string; featured: boolean }[];
    expect(all.map(({ id, featured }) => [id, featured])).toEqual([
      [plain.id, false],
      [second.id, true],
      [first.id, true],
    ]);

    expect((await unfeature(first.id)).body.comment.featured).toBe(false);
    expect((await featuredList(article.id)).map((comment) => comment.id)).toEqual([second.id]);
  });

  it("keeps a reader's own held comment out of their featured list", async () => {
    const article = await anArticle(t.http, admin.token);
    const published = await aComment(t.http, reader.token, article.id);
    await aComment(t.http, reader.token, article.id, { body: 'Call me at 010-1234-5678 about this.' });
    await feature(published.id);
    expect((await featuredList(article.id, reader.token)).map((comment) => comment.id)).toEqual([published.id]);
  });

  it('logs feature and unfeature in the moderation log; the same again changes and logs nothing', async () => {
    const article = await anArticle(t.http, admin.token);
    const comment = await aComment(t.http, reader.token, article.id);
    await feature(comment.id);
    await feature(comment.id);
    await unfeature(comment.id);
    await unfeature(comment.id);
    const log = (await t.http.get(`/api/v1/moderation/log?commentId=${comment.id}`, { token: moderator.token })).body.entries as {
      action: string;
      actor: { id: string };
    }[];
    expect(log.map((entry) => entry.action).sort()).toEqual(['feature', 'unfeature']);
    expect(log.every((entry) => entry.actor.id === moderator.user.id)).toBe(true);
  });

  it('drops a featured comment from the featured list once a moderator rejects it', async () => {
    const article = await anArticle(t.http, admin.token);
    const comment = await aComment(t.http, reader.token, article.id);
    await feature(comment.id);
    expect(await featuredList(article.id)).toHaveLength(1);
    await t.http.post(
      `/api/v1/moderation/comments/${comment.id}/decision`,
      { action: 'reject', reason: 'second look', override: true },
      { token: moderator.token },
    );
    expect(await featuredList(article.id)).toEqual([]);
  });

  it('refuses to feature a held comment or a reply with 409 CANNOT_FEATURE, and a reader with 403 FORBIDDEN', async () => {
    const article = await anArticle(t.http, admin.token);
    const thread = await aComment(t.http, reader.token, article.id);
    const reply = await aComment(t.http, reader.token, article.id, { parentId: thread.id });
    const held = await aComment(t.http, reader.token, article.id, { body: 'Reach me at 010-2345-6789 about it.' });
    expect(held.status).toBe('pending');

    const refusedHeld = await feature(held.id);
    expect([refusedHeld.status, refusedHeld.body.error.code, refusedHeld.body.error.details.reason]).toEqual([409, 'CANNOT_FEATURE', 'not_published']);
    const refusedReply = await feature(reply.id);
    expect([refusedReply.status, refusedReply.body.error.code, refusedReply.body.error.details.reason]).toEqual([409, 'CANNOT_FEATURE', 'reply']);
    expect((await feature(thread.id, reader.token)).body.error.code).toBe('FORBIDDEN');
    expect(await featuredList(article.id)).toEqual([]);
  });

  it("reads the featured list from the featured comments' own partial index", async () => {
    const article = await anArticle(t.http, admin.token);
    const statement = commentPageStatement(mintSiteScope(DEFAULT_SITE_ID), {
      articleId: article.id,
      parentId: null,
      sort: 'newest',
      limit: 20,
      featured: true,
    });
    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      // On a table this small a sequential scan would win; forbidding it shows which index the plan can use.
      await client.query('SET enable_seqscan = off');
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${statement.text}`, statement.values);
      expect(rows.map((row) => row['QUERY PLAN']).join('\n')).toContain('comments_featured_threads_idx');
    } finally {
      await client.end();
    }
  });
});
