import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { findFreePort } from '@/database/free-port.js';
import { anArticle } from '../factories/articles.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import { eventually } from '../helpers/eventually.js';
import { HttpClient, type HttpResponse } from '../helpers/http-client.js';
import { sql, waitingOnLocks } from '../helpers/sql.js';
import { createTestDatabase, TEST_SSO_SECRET } from '../helpers/test-app.js';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const SHUTDOWN_TIMEOUT_MS = 10_000;
const POSTING_LOOPS = 4;
const READING_LOOPS = 4;
/** Posts that are in the service's hands at the signal: each waits on a row lock the test holds. */
const HELD_POSTS = 3;
const LOAD_ARTICLES = 7;

interface Outcome {
  requestId: string;
  kind: 'post' | 'read';
  status?: number;
  body?: { error?: { code?: string }; comment?: { id: string } };
  retryAfter?: string | null;
  /** The failed connection's code (ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET...). */
  failure?: string;
}

interface Service {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; at: number }>;
}

function startService(env: Record<string, string>): Service {
  const { DATABASE_URL: _, ...inherited } = process.env;
  const child = spawn(process.execPath, [MAIN], { env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.on('exit', (code) => resolve({ code, at: Date.now() })));
  return { child, output: () => output, exited };
}

function failureCode(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as { code?: string }).code ?? String(error);
}

/** A request on a connection of its own (no keep-alive pool), as a client arriving after the signal would open. */
function onNewConnection(port: number, path: string): Promise<{ status: number; body: string; retryAfter?: string } | { failure: string }> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path, agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode!, body, retryAfter: response.headers['retry-after'] }));
      response.on('error', (error) => resolve({ failure: failureCode(error) }));
    });
    request.on('error', (error) => resolve({ failure: failureCode(error) }));
  });
}

/**
 * A request whose first line is sent at once and whose end comes when `finish` is called: on an
 * open connection, as a keep-alive client's next request would arrive while the service drains.
 */
function aRequestInTwoParts(port: number, path: string): { finish(): Promise<{ head: string; body: string } | { failure: string }> } {
  const socket = net.connect({ host: '127.0.0.1', port });
  let received = '';
  const answered = new Promise<{ head: string; body: string } | { failure: string }>((resolve) => {
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.on('error', (error) => resolve({ failure: failureCode(error) }));
    socket.on('close', () => {
      const [head = '', body = ''] = received.split('\r\n\r\n');
      resolve(received ? { head, body } : { failure: 'closed without an answer' });
    });
  });
  socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
  return {
    finish: () => {
      socket.write('\r\n');
      return answered;
    },
  };
}

/** A moderator's server-sent event stream, open; `ended` says how it ended. */
async function openEventStream(url: string, token: string): Promise<{ ended: Promise<string> }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } });
  if (response.status !== 200 || !response.body) throw new Error(`the event stream did not open: ${response.status}`);
  const reader = response.body.getReader();
  const ended = (async () => {
    try {
      while (!(await reader.read()).done);
      return 'ended';
    } catch (error) {
      return failureCode(error);
    }
  })();
  return { ended };
}

// The built service as `npm start` runs it, in a process of its own, stopped with SIGTERM under load.
describe('SIGTERM under load', () => {
  let database: { url: string; drop(): Promise<void> };
  let port: number;
  let service: Service;
  let api: HttpClient;

  beforeAll(async () => {
    database = await createTestDatabase();
    port = await findFreePort();
    service = startService({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: database.url,
      DEV_LOGIN: 'true',
      SSO_SECRET: TEST_SSO_SECRET,
      LOG_LEVEL: 'info',
      COMMENT_RATE_LIMIT: '100000/60',
      AUTH_RATE_LIMIT: '100000/60',
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    });
    api = new HttpClient(`http://127.0.0.1:${port}`);
    const ready = await eventually(
      () =>
        api.get('/readyz').then(
          (r) => r.status,
          () => 0,
        ),
      (status) => status === 200 || service.child.exitCode !== null,
      45_000,
    );
    if (ready !== 200) throw new Error(`the service did not get ready:\n${service.output()}`);
  }, 60_000);

  afterAll(async () => {
    if (service?.child.exitCode === null) service.child.kill('SIGKILL');
    await database?.drop();
  });

  it('finishes the requests in flight, keeps every acknowledged post, refuses new connections and exits 0 in time', async () => {
    const admin = await aUser(api, { role: 'admin' });
    const articles = await Promise.all(Array.from({ length: LOAD_ARTICLES }, () => anArticle(api, admin.token)));
    const article = articles[0]!;
    const held = await Promise.all(Array.from({ length: HELD_POSTS }, () => aUser(api)));
    const moderator = await aUser(api, { role: 'moderator' });
    const liveEvents = await openEventStream(`${api.baseUrl}/api/v1/moderation/events`, moderator.token);

    // Posts by these authors wait on their row lock (every post moves its author's posting version).
    const locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('SELECT id FROM users WHERE id = ANY($1::uuid[]) FOR UPDATE', [held.map((u) => u.user.id)]);
    const heldPosts = held.map((author, i) =>
      api.post(`/api/v1/articles/${article.id}/comments`, { body: `Held post ${i}, sent before the signal.` }, { token: author.token }).then(
        (response) => ({ status: response.status, commentId: response.body?.comment?.id as string | undefined }),
        (error: unknown) => ({ failure: failureCode(error), commentId: undefined }),
      ),
    );
    await eventually(
      () => waitingOnLocks(database.url),
      (n) => n === HELD_POSTS,
      15_000,
    );

    // Steady load: posting and reading loops, each request named so the service's log can be matched.
    const outcomes: Outcome[] = [];
    let stopLoad = false;
    let sequence = 0;
    const send = async (kind: Outcome['kind'], request: (headers: Record<string, string>) => Promise<HttpResponse>): Promise<void> => {
      const requestId = `load-${kind}-${++sequence}`;
      const outcome: Outcome = { requestId, kind };
      outcomes.push(outcome);
      try {
        const response = await request({ 'x-request-id': requestId });
        Object.assign(outcome, { status: response.status, body: response.body, retryAfter: response.headers.get('retry-after') });
      } catch (error) {
        outcome.failure = failureCode(error);
      }
    };
    const ended = (): boolean => stopLoad || outcomes.at(-1)?.failure === 'ECONNREFUSED';
    const posting = async (): Promise<void> => {
      // The default policy lets a reader post 20 comments a day and 3 per article: a new reader every
      // 20 posts, each spread over the articles.
      for (let author: LoggedInUser | undefined, n = 0; !ended(); n++) {
        if (n % 20 === 0) author = await aUser(api).catch(() => undefined);
        if (!author) return;
        const { token } = author;
        await send('post', (headers) =>
          api.post(`/api/v1/articles/${articles[n % LOAD_ARTICLES]!.id}/comments`, { body: `Load comment ${n} on the budget.` }, { token, headers }),
        );
      }
    };
    const reading = async (): Promise<void> => {
      while (!ended()) await send('read', (headers) => api.get(`/api/v1/articles/${article.id}/comments?limit=20`, { headers }));
    };
    const load = Promise.all([...Array.from({ length: POSTING_LOOPS }, posting), ...Array.from({ length: READING_LOOPS }, reading)]);
    await eventually(
      () => Promise.resolve(outcomes.filter((o) => o.status === 201).length),
      (n) => n >= 40,
      20_000,
    );

    const lateRequest = aRequestInTwoParts(port, '/readyz');
    // Its first part was written before this request on another connection, so the service has read
    // it (the connection is busy, not idle) by the time this one is answered.
    expect(await onNewConnection(port, '/healthz')).toMatchObject({ status: 200 });
    const signalAt = Date.now();
    service.child.kill('SIGTERM');
    await eventually(
      () => Promise.resolve(service.output()),
      (output) => output.includes('shutting down'),
      10_000,
    );

    // Clients that come after the signal: refused, or told 503 in the contract's envelope.
    const late = await lateRequest.finish();
    const probes = [];
    for (let i = 0; i < 5; i++) probes.push(await onNewConnection(port, i % 2 ? '/readyz' : `/api/v1/articles/${article.id}/comments`));

    await locker.query('COMMIT');
    await locker.end();
    const heldAnswers = await Promise.all(heldPosts);
    const liveEventsEnd = await liveEvents.ended;
    const exit = await service.exited;
    stopLoad = true;
    await load;

    expect(exit.code).toBe(0);
    expect(exit.at - signalAt).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    // A moderator's live stream is ended by the service, not left to hold the shutdown up.
    expect(liveEventsEnd).toBe('ended');
    expect(heldAnswers.map((r) => ('status' in r ? r.status : r.failure))).toEqual(Array(HELD_POSTS).fill(201));

    // A request that arrives on an open connection during the drain: the contract's 503, and the connection closed.
    expect(late).toEqual({ head: expect.stringMatching(/^HTTP\/1\.1 503 /), body: expect.any(String) });
    if ('head' in late) {
      expect(late.head).toMatch(/^connection: close$/im);
      expect(late.head).toMatch(/^retry-after: \d+$/im);
      expect(JSON.parse(late.body)).toEqual({ error: { code: 'SERVICE_UNAVAILABLE', message: expect.any(String), details: {} } });
    }
    for (const probe of probes) {
      if ('failure' in probe) expect(probe.failure).toBe('ECONNREFUSED');
      else {
        expect(probe.status).toBe(503);
        expect(JSON.parse(probe.body)).toEqual({ error: { code: 'SERVICE_UNAVAILABLE', message: expect.any(String), details: {} } });
        expect(probe.retryAfter).toMatch(/^\d+$/);
      }
    }

    // Every answer under load is a success or a clean 503; none is a 500.
    expect(outcomes.filter((o) => o.status !== undefined && ![200, 201, 503].includes(o.status)).map((o) => [o.requestId, o.status, o.body])).toEqual([]);
    for (const o of outcomes.filter((x) => x.status === 503)) {
      expect(o.body?.error?.code).toBe('SERVICE_UNAVAILABLE');
      expect(o.retryAfter).toMatch(/^\d+$/);
    }
    // A request the service took in was answered: no connection broke under one the service handled.
    // (A keep-alive connection the service closed as idle may still break under a request it never
    // read, sent as it closed; a client retries that one, as after any keep-alive race.)
    const handled = new Set([...service.output().matchAll(/"reqId":"(load-[a-z]+-\d+)"/g)].map((m) => m[1]));
    expect(outcomes.filter((o) => o.failure && handled.has(o.requestId)).map((o) => [o.requestId, o.failure])).toEqual([]);

    // Every acknowledged post is a row.
    const acknowledged = [
      ...heldAnswers.flatMap((r) => (r.commentId ? [r.commentId] : [])),
      ...outcomes.filter((o) => o.status === 201).map((o) => o.body!.comment!.id),
    ];
    const rows = await sql<{ id: string }>(database.url, 'SELECT id FROM comments WHERE id = ANY($1::uuid[])', [acknowledged]);
    expect(rows).toHaveLength(acknowledged.length);
    expect(service.output()).not.toMatch(/"level":50/);
  }, 60_000);
});
