import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anArticle } from '../factories/articles.js';
import { aComment } from '../factories/comments.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import { sql } from '../helpers/sql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

describe('comments under concurrency, idempotency and rate limits', () => {
  let t: TestApp;
  let admin: LoggedInUser;

  beforeAll(async () => {
    t = await startTestApp({ env: { COMMENT_RATE_LIMIT: '3/60' } });
    admin = await aUser(t.http, { role: 'admin' });
  });
  afterAll(() => t.close());

  const post = (token: string, articleId: string, body: unknown, key?: string) =>
    t.http.post(`/api/v1/articles/${articleId}/comments`, body, { token, headers: key ? { 'idempotency-key': key } : {} });
  const storedComments = async (articleId: string) =>
    Number((await sql<{ n: string }>(t.databaseUrl, 'SELECT count(*) AS n FROM comments WHERE article_id = $1', [articleId]))[0]!.n);
  const users = (n: number) => Promise.all(Array.from({ length: n }, () => aUser(t.http)));

  it('keeps commentCount and replyCount exact under parallel posts', async () => {
    const article = await anArticle(t.http, admin.token);
    const parent = await aComment(t.http, (await aUser(t.http)).token, article.id);
    const authors = await users(30);
    const responses = await Promise.all(
      authors.map((author, i) => post(author.token, article.id, { body: `Parallel comment ${i} about the article.`, parentId: i % 2 ? parent.id : null })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(30).fill(201));
    expect((await t.http.get(`/api/v1/articles/${article.id}`)).body.commentCount).toBe(31);
    const top = (await t.http.get(`/api/v1/articles/${article.id}/comments?limit=100`)).body.comments;
    expect(top.find((c: { id: string }) => c.id === parent.id).replyCount).toBe(15);
  });

  it('keeps likeCount exact under parallel likes and unlikes', async () => {
    const article = await anArticle(t.http, admin.token);
    const comment = await aComment(t.http, (await aUser(t.http)).token, article.id);
    const fans = await users(20);
    await Promise.all(fans.flatMap((fan) => [1, 2].map(() => t.http.put(`/api/v1/comments/${comment.id}/like`, undefined, { token: fan.token }))));
    await Promise.all(fans.slice(0, 5).map((fan) => t.http.delete(`/api/v1/comments/${comment.id}/like`, { token: fan.token })));
    const [shown] = (await t.http.get(`/api/v1/articles/${article.id}/comments`)).body.comments;
    expect(shown.likeCount).toBe(15);
  });

  it('never repeats or skips a comment while new ones arrive between pages', async () => {
    const article = await anArticle(t.http, admin.token);
    const authors = await users(24);
    const original: string[] = [];
    for (const author of authors.slice(0, 12)) original.push((await aComment(t.http, author.token, article.id)).id);
    for (const sort of ['newest', 'oldest'] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let round = 0;
      do {
        const page: { body: { comments: { id: string }[]; nextCursor: string | null } } = await t.http.get(
          `/api/v1/articles/${article.id}/comments?sort=${sort}&limit=5${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...page.body.comments.map((c) => c.id));
        cursor = page.body.nextCursor;
        // Newcomers land while the reader pages.
        if (sort === 'newest') await Promise.all(authors.slice(12 + round * 3, 15 + round * 3).map((a) => aComment(t.http, a.token, article.id)));
        round++;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((id) => original.includes(id)).sort()).toEqual([...original].sort());
    }
  });

  describe('Idempotency-Key', () => {
    it('answers a retry with the first result and creates nothing new', async () => {
      const article = await anArticle(t.http, admin.token);
      const author = await aUser(t.http);
      const first = await post(author.token, article.id, { body: 'Posting once, retrying on a flaky network.' }, 'key-retry-1');
      const retry = await post(author.token, article.id, { body: 'Posting once, retrying on a flaky network.' }, 'key-retry-1');
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(await storedComments(article.id)).toBe(1);
    });

    it('refuses the same key with another body with 422 IDEMPOTENCY_KEY_REUSED', async () => {
      const article = await anArticle(t.http, admin.token);
      const author = await aUser(t.http);
      await post(author.token, article.id, { body: 'The first text for this key.' }, 'key-reused');
      const other = await post(author.token, article.id, { body: 'A different text, same key.' }, 'key-reused');
      expect(other.status).toBe(422);
      expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await storedComments(article.id)).toBe(1);
    });

    it('keeps keys apart per user', async () => {
      const article = await anArticle(t.http, admin.token);
      const [a, b] = await users(2);
      expect((await post(a!.token, article.id, { body: 'Same key, first user.' }, 'shared-key')).status).toBe(201);
      expect((await post(b!.token, article.id, { body: 'Same key, second user.' }, 'shared-key')).status).toBe(201);
      expect(await storedComments(article.id)).toBe(2);
    });

    it('stores exactly one comment for eight concurrent retries, and each gets that comment or REQUEST_IN_PROGRESS', async () => {
      const article = await anArticle(t.http, admin.token);
      const author = await aUser(t.http);
      const body = { body: 'Eight taps on a slow phone.' };
      const responses = await Promise.all(Array.from({ length: 8 }, () => post(author.token, article.id, body, 'key-race')));
      const created = responses.filter((r) => r.status === 201);
      expect(created.length).toBeGreaterThanOrEqual(1);
      expect(new Set(created.map((r) => r.body.comment.id)).size).toBe(1);
      for (const r of responses.filter((x) => x.status !== 201)) {
        expect(r.status).toBe(409);
        expect(r.body.error.code).toBe('REQUEST_IN_PROGRESS');
      }
      expect(await storedComments(article.id)).toBe(1);
    });

    it('replays a refusal too: a policy rejection answers the same 422 again', async () => {
      const article = await anArticle(t.http, admin.token);
      const author = await aUser(t.http);
      const first = await post(author.token, article.id, { body: 'fuck this article' }, 'key-rejected');
      const retry = await post(author.token, article.id, { body: 'fuck this article' }, 'key-rejected');
      expect(first.status).toBe(422);
      expect(retry.status).toBe(422);
      expect(retry.body).toEqual(first.body);
      expect(await storedComments(article.id)).toBe(1);
    });

    it('answers a retry with the committed comment when the first attempt died before recording its answer', async () => {
      const article = await anArticle(t.http, admin.token);
      const author = await aUser(t.http);
      const body = { body: 'Posted just before the instance died.' };
      const first = await post(author.token, article.id, body, 'key-crash');
      expect(first.status).toBe(201);
      // As if the instance had died after the comment committed and before the answer was kept.
      await sql(
        t.databaseUrl,
        `UPDATE idempotency_records SET response_status = NULL, response_body = NULL, locked_at = now() - interval '1 minute'
                                WHERE user_id = $1 AND key = 'key-crash'`,
        [author.user.id],
      );
      const retry = await post(author.token, article.id, body, 'key-crash');
      expect(retry.status).toBe(201);
      expect(retry.body.comment.id).toBe(first.body.comment.id);
      expect(retry.body.verdict).toEqual(first.body.verdict);
      expect(await storedComments(article.id)).toBe(1);
    });

    it('refuses a malformed key with 400 VALIDATION_FAILED', async () => {
      const article = await anArticle(t.http, admin.token);
      const response = await post((await aUser(t.http)).token, article.id, { body: 'hello there' }, 'x'.repeat(256));
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('COMMENT_RATE_LIMIT', () => {
    it('refuses a user past the limit with 429 RATE_LIMITED and Retry-After, while others still post', async () => {
      const articles = await Promise.all([1, 2, 3, 4].map(() => anArticle(t.http, admin.token)));
      const author = await aUser(t.http);
      for (const article of articles.slice(0, 3)) expect((await post(author.token, article.id, { body: 'Within my limit of three.' })).status).toBe(201);
      const limited = await post(author.token, articles[3]!.id, { body: 'One too many.' });
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('RATE_LIMITED');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await post((await aUser(t.http)).token, articles[3]!.id, { body: 'Someone else is fine.' })).status).toBe(201);
    });

    it('does not count an idempotent replay against the limit', async () => {
      const article = await anArticle(t.http, admin.token);
      const author = await aUser(t.http);
      for (let i = 0; i < 5; i++) expect((await post(author.token, article.id, { body: 'The same request, retried.' }, 'key-limit')).status).toBe(201);
    });
  });
});

describe('policy quotas under parallel posts by one author', () => {
  let t: TestApp;
  let admin: LoggedInUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await aUser(t.http, { role: 'admin' });
  });
  afterAll(() => t.close());

  const topics = ['the budget', 'the election', 'the heat wave', 'the new subway line', 'the school reform', 'the harbour', 'the festival', 'the trade talks'];
  const civil = (i: number) => `Comment ${i}: my honest view on ${topics[i % topics.length]}, number ${i * 7919} in a series.`;
  const published = async (authorId: string) =>
    Number((await sql<{ n: string }>(t.databaseUrl, `SELECT count(*) AS n FROM comments WHERE author_id = $1 AND status <> 'rejected'`, [authorId]))[0]!.n);

  it('lets exactly three of twenty parallel posts on one article through (quota.article), and rejects the rest', async () => {
    const article = await anArticle(t.http, admin.token);
    const author = await aUser(t.http);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.http.post(`/api/v1/articles/${article.id}/comments`, { body: civil(i) }, { token: author.token })),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(3);
    const refused = responses.filter((r) => r.status !== 201);
    expect(refused.map((r) => [r.status, r.body.error.code, r.body.error.details.reasons[0].rule])).toEqual(
      Array(17).fill([422, 'POLICY_REJECTED', 'quota.article']),
    );
    expect(await published(author.user.id)).toBe(3);
    expect((await t.http.get(`/api/v1/articles/${article.id}`)).body.commentCount).toBe(3);
  });

  it('lets exactly twenty of twenty-four parallel posts a day through (quota.daily)', async () => {
    // One after another: the articles are the set-up, the posts below are what runs in parallel.
    const articles = [];
    for (let i = 0; i < 24; i++) articles.push(await anArticle(t.http, admin.token));
    const author = await aUser(t.http);
    const responses = await Promise.all(
      articles.map((article, i) => t.http.post(`/api/v1/articles/${article.id}/comments`, { body: civil(i) }, { token: author.token })),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(20);
    expect(responses.filter((r) => r.status === 422).map((r) => r.body.error.details.reasons[0].rule)).toEqual(Array(4).fill('quota.daily'));
    expect(await published(author.user.id)).toBe(20);
  });
});
