import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anArticle } from '../factories/articles.js';
import { aComment } from '../factories/comments.js';
import { aUser } from '../factories/users.js';
import type { HttpClient } from '../helpers/http-client.js';
import { eventually } from '../helpers/eventually.js';
import { sql } from '../helpers/sql.js';
import { type InstancePair, startStaffedInstancePair } from '../helpers/test-app.js';

/** Public pages are cached on each instance; these run two instances on one database. */
describe('public comment pages served from memory, across instances', () => {
  let a: InstancePair['a'];
  let b: InstancePair['b'];
  let admin: InstancePair['admin'];
  let moderator: InstancePair['moderator'];
  let close: InstancePair['close'];
  beforeAll(async () => void ({ a, b, admin, moderator, close } = await startStaffedInstancePair()));
  afterAll(() => close());

  const listed = async (http: HttpClient, articleId: string, query = ''): Promise<{ id: string; likeCount: number; status: string; replyCount: number }[]> => {
    const response = await http.get(`/api/v1/articles/${articleId}/comments${query}`);
    expect(response.status).toBe(200);
    return response.body.comments;
  };

  /** B's list once it shows what A changed (see `eventually`). */
  const listedOnB = (articleId: string, holds: (comments: Awaited<ReturnType<typeof listed>>) => boolean) => eventually(() => listed(b.http, articleId), holds);

  it("shows a moderator's approval on instance A in instance B's anonymous reads", async () => {
    const article = await anArticle(a.http, admin.token, { premoderation: true });
    const held = await aComment(a.http, (await aUser(a.http)).token, article.id);
    expect(held.status).toBe('pending');
    expect(await listed(b.http, article.id)).toEqual([]);
    expect(await listed(b.http, article.id)).toEqual([]); // now from B's memory

    const decision = await a.http.post(`/api/v1/moderation/comments/${held.id}/decision`, { action: 'approve', reason: 'fine' }, { token: moderator.token });
    expect(decision.status).toBe(200);
    expect((await listedOnB(article.id, (c) => c.length === 1)).map((c) => c.id)).toEqual([held.id]);
  });

  it("shows a like, a reply, a deletion and a rejection made on A in B's reads", async () => {
    const article = await anArticle(a.http, admin.token);
    const author = await aUser(a.http);
    const first = await aComment(a.http, author.token, article.id);
    const second = await aComment(a.http, author.token, article.id);
    expect((await listed(b.http, article.id)).map((c) => c.id)).toEqual([second.id, first.id]);

    expect((await a.http.put(`/api/v1/comments/${first.id}/like`, undefined, { token: (await aUser(a.http)).token })).status).toBe(200);
    expect((await listedOnB(article.id, (c) => c.find((x) => x.id === first.id)?.likeCount === 1)).find((c) => c.id === first.id)?.likeCount).toBe(1);

    await aComment(a.http, (await aUser(a.http)).token, article.id, { parentId: first.id });
    expect((await listedOnB(article.id, (c) => c.find((x) => x.id === first.id)?.replyCount === 1)).find((c) => c.id === first.id)?.replyCount).toBe(1);

    expect((await a.http.delete(`/api/v1/comments/${second.id}`, { token: author.token })).status).toBe(204);
    expect((await listedOnB(article.id, (c) => c.length === 1)).map((c) => c.id)).toEqual([first.id]);

    const rejected = await a.http.post(
      `/api/v1/moderation/comments/${first.id}/decision`,
      { action: 'reject', reason: 'off topic' },
      { token: moderator.token },
    );
    expect(rejected.status).toBe(200);
    // A rejected thread leaves with its replies (only a deleted one keeps its place for them).
    expect(await listedOnB(article.id, (c) => c.length === 0)).toEqual([]);
  });

  it('answers 304 from memory while nothing changed, and a new ETag once something did', async () => {
    const article = await anArticle(a.http, admin.token);
    await aComment(a.http, (await aUser(a.http)).token, article.id);
    const first = await b.http.get(`/api/v1/articles/${article.id}/comments`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    const again = await b.http.get(`/api/v1/articles/${article.id}/comments`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('cache-control')).toMatch(/^public, /);

    await aComment(a.http, (await aUser(a.http)).token, article.id);
    const changed = await eventually(
      () => b.http.get(`/api/v1/articles/${article.id}/comments`, { headers: { 'if-none-match': etag } }),
      (r) => r.status === 200,
    );
    expect(changed.status).toBe(200);
    expect(changed.body.comments).toHaveLength(2);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('drops the pages when the change came from outside the service (a direct SQL update)', async () => {
    const article = await anArticle(a.http, admin.token);
    const comment = await aComment(a.http, (await aUser(a.http)).token, article.id);
    expect(await listed(b.http, article.id)).toHaveLength(1);
    await sql(a.databaseUrl, `UPDATE comments SET status = 'rejected' WHERE id = $1`, [comment.id]);
    expect(await listedOnB(article.id, (c) => c.length === 0)).toEqual([]);
  });

  it("keeps a held comment out of everyone's cached page but shows it to its author", async () => {
    const article = await anArticle(a.http, admin.token, { premoderation: true });
    const author = await aUser(a.http);
    expect(await listed(b.http, article.id)).toEqual([]);
    const held = await aComment(a.http, author.token, article.id);
    expect(await listed(b.http, article.id)).toEqual([]);
    const own = await b.http.get(`/api/v1/articles/${article.id}/comments`, { token: author.token });
    expect(own.body.comments.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([[held.id, 'pending']]);
    expect(own.headers.get('cache-control')).toBe('private, no-cache');
  });

  it("applies an article's closing on A to posting on B", async () => {
    const article = await anArticle(a.http, admin.token);
    const reader = await aUser(a.http);
    await aComment(b.http, reader.token, article.id); // B now holds the article's settings
    expect(
      (await a.http.put(`/api/v1/articles/${article.id}`, { title: article.title, url: article.url, commentsOpen: false }, { token: admin.token })).status,
    ).toBe(200);
    const refused = await eventually(
      () => b.http.post(`/api/v1/articles/${article.id}/comments`, { body: 'Still too late.' }, { token: reader.token }),
      (r) => r.status !== 201,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ARTICLE_CLOSED');
  });

  it('compresses a large page for a client that asks', async () => {
    const article = await anArticle(a.http, admin.token);
    const readers = await Promise.all(Array.from({ length: 12 }, () => aUser(a.http)));
    for (const reader of readers)
      await aComment(a.http, reader.token, article.id, {
        body: `A long and civil comment about the article, written by ${reader.user.displayName}, with enough words to matter.`,
      });
    const response = await fetch(`${b.baseUrl}/api/v1/articles/${article.id}/comments`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(((await response.json()) as { comments: unknown[] }).comments).toHaveLength(12);
  });
});
