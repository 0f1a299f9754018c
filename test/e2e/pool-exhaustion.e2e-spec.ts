import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { anArticle } from '../factories/articles.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import { eventually } from '../helpers/eventually.js';
import type { HttpResponse } from '../helpers/http-client.js';
import { waitingOnLocks } from '../helpers/sql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const POOL_SIZE = 2;
const POOL_WAIT_MS = 200;
/** Far above the pool's wait, far below a hang: an excess request is answered within this. */
const ANSWERED_WITHIN_MS = 5_000;

describe(`a database pool of ${POOL_SIZE} connections, all of them busy`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { DATABASE_POOL_SIZE: String(POOL_SIZE), DATABASE_POOL_WAIT_MS: String(POOL_WAIT_MS) } });
  });
  afterAll(() => t?.close());

  it('answers the requests beyond it a prompt 503 with Retry-After, finishes the ones holding it, and serves normally once it is free', async () => {
    const admin = await aUser(t.http, { role: 'admin' });
    const article = await anArticle(t.http, admin.token);
    // One after another: logins in parallel could themselves find the small pool busy.
    const users = async (n: number) => {
      const logged: LoggedInUser[] = [];
      for (let i = 0; i < n; i++) logged.push(await aUser(t.http));
      return logged;
    };
    const holders = await users(POOL_SIZE);
    const others = await users(3);
    const post = (author: LoggedInUser, body: string, headers: Record<string, string> = {}) =>
      t.http.post(`/api/v1/articles/${article.id}/comments`, { body }, { token: author.token, headers });

    // Each holder's post waits on its author's row, locked here, with one of the pool's connections.
    const locker = new pg.Client({ connectionString: t.databaseUrl });
    await locker.connect();
    let held: Promise<HttpResponse>[];
    try {
      await locker.query('BEGIN');
      await locker.query('SELECT id FROM users WHERE id = ANY($1::uuid[]) FOR UPDATE', [holders.map((h) => h.user.id)]);
      held = holders.map((holder, i) => post(holder, `A post that holds connection ${i} of the pool.`));
      await eventually(
        () => waitingOnLocks(t.databaseUrl),
        (n) => n === POOL_SIZE,
        15_000,
      );

      // An answer, or nothing if none came within ANSWERED_WITHIN_MS (the test then fails without hanging).
      const answeredInTime = (request: () => Promise<HttpResponse>) =>
        Promise.race([request(), new Promise<undefined>((resolve) => setTimeout(resolve, ANSWERED_WITHIN_MS))]);
      const excess = await Promise.all([
        answeredInTime(() => t.http.get('/readyz')),
        answeredInTime(() => t.http.get('/readyz')),
        answeredInTime(() => t.http.post('/api/v1/auth/dev', { name: 'Arriving during the rush' })),
        answeredInTime(() => t.http.get(`/api/v1/articles/${article.id}/comments`, { token: others[0]!.token })),
        ...others.map((author, i) => answeredInTime(() => post(author, `An excess post number ${i}.`, { 'idempotency-key': `excess-${i}` }))),
      ]);

      expect(excess.map((response) => response?.status ?? 'no answer')).toEqual(Array(excess.length).fill(503));
      for (const response of excess) {
        expect(response!.body).toEqual({ error: { code: 'SERVICE_UNAVAILABLE', message: expect.any(String), details: {} } });
        expect(response!.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
      }
      expect(excess.map((response) => response!.text).join()).not.toMatch(/stack|at .*\.js:\d+|timeout exceeded/i);
    } finally {
      await locker.query('COMMIT');
      await locker.end();
    }

    // The requests that held the pool finish as if nothing happened.
    const heldAnswers = await Promise.all(held);
    expect(heldAnswers.map((r) => r.status)).toEqual(Array(POOL_SIZE).fill(201));

    // Released: the app serves normally, and the refused posts go through when retried.
    expect((await t.http.get('/readyz')).status).toBe(200);
    const retried: HttpResponse[] = [];
    for (const [i, author] of others.entries()) retried.push(await post(author, `An excess post number ${i}.`, { 'idempotency-key': `excess-${i}` }));
    expect(retried.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(retried.map((r) => r.headers.get('idempotent-replayed'))).toEqual([null, null, null]);
    expect((await t.http.post('/api/v1/auth/dev', { name: 'After the rush' })).status).toBe(200);
    const page = await t.http.get(`/api/v1/articles/${article.id}/comments?limit=100`, { token: others[0]!.token });
    expect(page.status).toBe(200);
    expect(page.body.comments).toHaveLength(POOL_SIZE + others.length);
    expect((await t.http.get(`/api/v1/articles/${article.id}`)).body.commentCount).toBe(POOL_SIZE + others.length);
  }, 60_000);
});
