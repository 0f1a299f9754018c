import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anArticle } from '../factories/articles.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import { eventually } from '../helpers/eventually.js';
import type { HttpClient, HttpResponse } from '../helpers/http-client.js';
import { sql } from '../helpers/sql.js';
import { startInstancePair, type TestApp } from '../helpers/test-app.js';

/**
 * Waits until every open window has run out. The limits are fixed windows that start at a key's first
 * hit; each instance also remembers a full window until its end by its own clock, so the windows must
 * really end, not only be moved back in the database.
 */
async function endTheWindows(databaseUrl: string, windowSeconds: number): Promise<void> {
  const [latest] = await sql<{ start: Date | null }>(databaseUrl, 'SELECT max(window_start) AS start FROM rate_limit_buckets');
  const waitMs = (latest!.start?.getTime() ?? 0) + windowSeconds * 1000 + 100 - Date.now();
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
}

const post = (http: HttpClient, author: LoggedInUser, articleId: string, body: string) =>
  http.post(`/api/v1/articles/${articleId}/comments`, { body }, { token: author.token });

function expectRateLimited(response: HttpResponse): void {
  expect(response.body).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String), details: { retryAfter: expect.any(Number) } } });
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
}

// Behind a load balancer without sticky sessions, a reader's requests land on either instance: the
// limits are kept in the database they share, so they hold for the pair as for one instance.
describe('COMMENT_RATE_LIMIT across two instances', () => {
  const LIMIT = 2;
  let a: TestApp;
  let b: TestApp;
  let close: () => Promise<void>;
  let admin: LoggedInUser;

  beforeAll(async () => {
    // A generous wait for a connection: the burst below queues on the pools of a loaded machine.
    ({ a, b, close } = await startInstancePair({ env: { COMMENT_RATE_LIMIT: `${LIMIT}/60`, DATABASE_POOL_WAIT_MS: '15000' } }));
    admin = await aUser(a.http, { role: 'admin' });
  });
  afterAll(() => close?.());

  const instance = (i: number): HttpClient => (i % 2 ? b.http : a.http);
  const visibleRows = async (articleId: string) =>
    sql<{ id: string; status: string }>(a.databaseUrl, "SELECT id, status FROM comments WHERE article_id = $1 AND status IN ('published', 'pending')", [
      articleId,
    ]);

  it(`gives a reader posting in parallel through both instances exactly ${LIMIT} comments`, async () => {
    const articles = await Promise.all([1, 2, 3].map(() => anArticle(a.http, admin.token)));
    const author = await aUser(a.http);
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, n) => post(instance(n), author, articles[n % 3]!.id, `Parallel comment ${n} on the budget.`)),
    );

    expect(responses.map((r) => r.status).sort()).toEqual([...Array(LIMIT).fill(201), ...Array(6 - LIMIT).fill(429)]);
    for (const r of responses.filter((x) => x.status === 429)) expectRateLimited(r);
  });

  it('stores exactly the comments it acknowledges under a burst of many readers on one article, and counts the published ones', async () => {
    const article = await anArticle(a.http, admin.token);
    const readers = await Promise.all(Array.from({ length: 20 }, () => aUser(a.http)));
    // Each reader sends three at once, one more than the limit, spread over both instances; every
    // fourth reader's comments carry a phone number, which the policy holds for a moderator.
    const burst = readers.flatMap((reader, r) =>
      [0, 1, 2].map((n) =>
        post(
          instance(r + n),
          reader,
          article.id,
          r % 4 === 0 ? `제보 ${n}: 010-1234-${5670 + n} 으로 연락 주세요` : `Reader ${r} says, for the ${n}th time, publish the tables.`,
        ),
      ),
    );
    const responses = await Promise.all(burst);

    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s !== 201 && s !== 429)).toEqual([]);
    for (const [r] of readers.entries()) expect(statuses.slice(3 * r, 3 * r + 3).sort()).toEqual([201, 201, 429]);
    const acknowledged = responses.filter((r) => r.status === 201).map((r) => r.body.comment as { id: string; status: string });
    const rows = await visibleRows(article.id);
    expect(rows.map((row) => row.id).sort()).toEqual(acknowledged.map((c) => c.id).sort());
    expect(rows.filter((row) => row.status === 'pending')).toHaveLength(5 * LIMIT);

    const published = rows.filter((row) => row.status === 'published').length;
    expect(published).toBe(acknowledged.filter((c) => c.status === 'published').length);
    for (const http of [a.http, b.http]) {
      const shown = await eventually(
        () => http.get(`/api/v1/articles/${article.id}`),
        (r) => r.body.commentCount === published,
      );
      expect(shown.body.commentCount).toBe(published);
    }
  }, 60_000);
});

describe('COMMENT_RATE_LIMIT windows across two instances', () => {
  const LIMIT = 2;
  // Short, so the test can wait for a window to end; long enough for six posts on a loaded machine.
  const WINDOW_SECONDS = 5;
  let a: TestApp;
  let b: TestApp;
  let close: () => Promise<void>;
  let admin: LoggedInUser;

  beforeAll(async () => {
    ({ a, b, close } = await startInstancePair({ env: { COMMENT_RATE_LIMIT: `${LIMIT}/${WINDOW_SECONDS}` } }));
    admin = await aUser(a.http, { role: 'admin' });
  });
  afterAll(() => close?.());

  const instance = (i: number): HttpClient => (i % 2 ? b.http : a.http);

  it(`gives a reader alternating between the instances exactly ${LIMIT} comments per window`, async () => {
    const articles = await Promise.all([1, 2, 3].map(() => anArticle(a.http, admin.token)));
    const author = await aUser(a.http);
    const attempt = async (n: number) => (await post(instance(n), author, articles[n % 3]!.id, `Alternating comment ${n} on the budget.`)).status;

    const firstWindow: number[] = [];
    for (let n = 0; n < 6; n++) firstWindow.push(await attempt(n));
    await endTheWindows(a.databaseUrl, WINDOW_SECONDS);
    const secondWindow: number[] = [];
    for (let n = 6; n < 12; n++) secondWindow.push(await attempt(n));

    expect(firstWindow).toEqual([201, 201, 429, 429, 429, 429]);
    expect(secondWindow).toEqual([201, 201, 429, 429, 429, 429]);
    const limited = await post(b.http, author, articles[0]!.id, 'One more, still refused.');
    expect(limited.status).toBe(429);
    expectRateLimited(limited);
    const [stored] = await sql<{ n: number }>(a.databaseUrl, 'SELECT count(*)::int AS n FROM comments WHERE author_id = $1', [author.user.id]);
    expect(stored!.n).toBe(2 * LIMIT);
  });
});

describe('AUTH_RATE_LIMIT across two instances', () => {
  const LIMIT = 6;
  const WINDOW_SECONDS = 8;
  let a: TestApp;
  let b: TestApp;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ a, b, close } = await startInstancePair({ env: { AUTH_RATE_LIMIT: `${LIMIT}/${WINDOW_SECONDS}` } }));
  });
  afterAll(() => close?.());

  const logIn = (n: number) => (n % 2 ? b.http : a.http).post('/api/v1/auth/dev', { name: `Login attempt ${n}` });

  it(`lets exactly ${LIMIT} logins from one address through per window, at once or one after another, on either instance`, async () => {
    const burst = await Promise.all(Array.from({ length: 3 * LIMIT }, (_, n) => logIn(n)));
    expect(burst.map((r) => r.status).sort()).toEqual([...Array(LIMIT).fill(200), ...Array(2 * LIMIT).fill(429)]);
    for (const r of burst.filter((x) => x.status === 429)) expectRateLimited(r);

    await endTheWindows(a.databaseUrl, WINDOW_SECONDS);
    const alternating: number[] = [];
    for (let n = 0; n < LIMIT + 4; n++) alternating.push((await logIn(n)).status);
    expect(alternating).toEqual([...Array(LIMIT).fill(200), 429, 429, 429, 429]);
  });
});
