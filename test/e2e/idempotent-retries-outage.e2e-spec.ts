import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDatabase, withDatabaseName } from '@/database/database-admin.js';
import { type EmbeddedDatabaseServer, openEmbeddedDatabase } from '@/database/embedded-postgres.js';
import { findFreePort } from '@/database/free-port.js';
import { applyMigrations } from '@/database/migrations.js';
import { anArticle } from '../factories/articles.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import { eventually } from '../helpers/eventually.js';
import { sql } from '../helpers/sql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const CLIENTS = 6;
const POSTS_PER_CLIENT = 6;
const ARTICLES = 3; // two posts of each client per article: under the per-article quota of three
/** A client gives up on one comment after this long; the whole file should take about a minute. */
const CLIENT_DEADLINE_MS = 40_000;

interface Attempt {
  status: number | 'connection error';
  code?: string;
  commentId?: string;
}

interface ClientEvents {
  created(): void;
  unavailable(client: number): void;
  ended(client: number): void;
}

interface Posted {
  key: string;
  /** Every answer the client got for this key, in order. */
  attempts: Attempt[];
}

// A PostgreSQL of this file's own, to stop and start under the running app while clients post.
describe('posting with Idempotency-Key retries while PostgreSQL stops and starts again', () => {
  let scratch: string;
  let server: EmbeddedDatabaseServer;
  let databaseUrl: string;
  let t: TestApp;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'comment-desk-retries-'));
    await chmod(scratch, 0o755);
    server = await openEmbeddedDatabase({ dataDir: path.join(scratch, 'pg'), port: await findFreePort() });
    await createDatabase(server.adminUrl, 'retries');
    databaseUrl = withDatabaseName(server.adminUrl, 'retries');
    await applyMigrations(databaseUrl);
    t = await startTestApp({ databaseUrl });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await server?.stop();
    await rm(scratch, { recursive: true, force: true });
  });

  /** One attempt, as a client sees it: an answer, or a connection that failed. */
  async function attempt(token: string, articleId: string, body: string, key: string): Promise<Attempt> {
    try {
      const response = await t.http.post(`/api/v1/articles/${articleId}/comments`, { body, parentId: null }, { token, headers: { 'idempotency-key': key } });
      return { status: response.status, code: response.body?.error?.code, commentId: response.body?.comment?.id };
    } catch {
      return { status: 'connection error' };
    }
  }

  /**
   * A client that posts its comments one after another, each under its own key, and repeats the very
   * same request on 503 or a failed connection until it is answered 201. Any other answer ends it.
   */
  async function client(author: LoggedInUser, index: number, articleIds: string[], events: ClientEvents): Promise<Posted[]> {
    const posted: Posted[] = [];
    try {
      for (let n = 0; n < POSTS_PER_CLIENT; n++) {
        const key = `client-${index}-comment-${n}`;
        const body = `Reader ${index} on point ${n}: the council should publish the full budget tables before the vote.`;
        const record: Posted = { key, attempts: [] };
        posted.push(record);
        const deadline = Date.now() + CLIENT_DEADLINE_MS;
        for (;;) {
          const answer = await attempt(author.token, articleIds[n % ARTICLES]!, body, key);
          record.attempts.push(answer);
          if (answer.status === 201) {
            events.created();
            break;
          }
          if (answer.status !== 503 && answer.status !== 'connection error') return posted;
          events.unavailable(index);
          if (Date.now() > deadline) return posted;
          // A short pause instead of the Retry-After of 5 s, so the test stays short.
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      return posted;
    } finally {
      events.ended(index);
    }
  }

  it('keeps every acknowledged comment exactly once, shows the outage on /readyz and recovers without a restart', async () => {
    const admin = await aUser(t.http, { role: 'admin' });
    const articles = await Promise.all(Array.from({ length: ARTICLES }, () => anArticle(t.http, admin.token)));
    const articleIds = articles.map((a) => a.id);
    const authors = await Promise.all(Array.from({ length: CLIENTS }, () => aUser(t.http)));
    expect((await t.http.get('/readyz')).status).toBe(200);

    const total = CLIENTS * POSTS_PER_CLIENT;
    let created = 0;
    let reachedOneThird!: () => void;
    const oneThirdPosted = new Promise<void>((resolve) => (reachedOneThird = resolve));
    const metOutage = new Set<number>();
    const ended = new Set<number>();
    const events: ClientEvents = {
      created: () => ++created >= total / 3 && reachedOneThird(),
      unavailable: (i) => metOutage.add(i),
      ended: (i) => ended.add(i),
    };
    const clients = Promise.all(authors.map((author, i) => client(author, i, articleIds, events)));

    await oneThirdPosted;
    await server.stop();
    const readyDuringOutage = await t.http.get('/readyz');
    // Every client meets the outage (or stops) before the database comes back.
    await eventually(
      () => Promise.resolve(new Set([...metOutage, ...ended]).size),
      (n) => n === CLIENTS,
      20_000,
    );
    await server.start();
    const readyAfter = await eventually(
      () => t.http.get('/readyz'),
      (r) => r.status === 200,
      20_000,
    );
    const results = (await clients).flat();

    expect(readyDuringOutage.status).toBe(503);
    expect(readyDuringOutage.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(readyDuringOutage.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(readyAfter.status).toBe(200);

    // Each key ended in a 201, after nothing but 503s and failed connections.
    const unexpected = results.filter((r) => r.attempts.at(-1)?.status !== 201);
    expect(unexpected.map((r) => ({ key: r.key, attempts: r.attempts.slice(-3) }))).toEqual([]);
    expect(results).toHaveLength(total);
    expect(metOutage.size).toBe(CLIENTS);

    // Every 201 a client saw is a stored row, and all 201s of one key name the same comment.
    const seen = results.flatMap((r) => r.attempts.filter((a) => a.status === 201).map((a) => ({ key: r.key, id: a.commentId! })));
    const rows = await sql<{ id: string; idempotency_key: string }>(databaseUrl, 'SELECT id, idempotency_key FROM comments WHERE article_id = ANY($1)', [
      articleIds,
    ]);
    const rowById = new Map(rows.map((row) => [row.id, row.idempotency_key]));
    expect(seen.filter((s) => rowById.get(s.id) !== s.key)).toEqual([]);
    expect(new Set(seen.map((s) => `${s.key} ${s.id}`)).size).toBe(total);

    // No key has two rows, and no row was posted without one of the clients' keys.
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((row) => row.idempotency_key)).size).toBe(total);
    const counts = await Promise.all(articleIds.map(async (id) => (await t.http.get(`/api/v1/articles/${id}`)).body.commentCount));
    expect(counts).toEqual(Array(ARTICLES).fill(total / ARTICLES));

    // The same app, not restarted, serves as before.
    const after = await t.http.post(`/api/v1/articles/${articleIds[0]}/comments`, { body: 'Back to normal after the outage.' }, { token: admin.token });
    expect(after.status).toBe(201);
  }, 60_000);
});
