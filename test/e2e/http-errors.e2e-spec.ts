import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aUser } from '../factories/users.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

describe('HTTP errors and service endpoints', () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { ALLOWED_ORIGINS: 'https://news.example.com, https://www.example.org' } });
    adminToken = (await aUser(t.http, { role: 'admin' })).token;
  });
  afterAll(() => t.close());

  it('answers /healthz with 200 while the process runs', async () => {
    const response = await t.http.get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 when the database answers', async () => {
    const response = await t.http.get('/readyz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ready' });
  });

  it('answers an unknown route with 404 NOT_FOUND in the error envelope', async () => {
    const response = await t.http.get('/api/v1/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String), details: {} } });
  });

  it('refuses malformed JSON with 400 VALIDATION_FAILED', async () => {
    const response = await t.http.put('/api/v1/articles/a1', undefined, {
      token: adminToken,
      rawBody: '{"title": "unterminated',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.text).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('refuses a body over 16 KiB with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await t.http.put('/api/v1/articles/a1', { title: 'x'.repeat(17 * 1024), url: 'https://a.example' }, { token: adminToken });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String), details: {} } });
  });

  it('accepts a body just under 16 KiB as far as the size goes', async () => {
    const response = await t.http.put('/api/v1/articles/a1', { title: 'x'.repeat(15 * 1024), url: 'https://a.example' }, { token: adminToken });
    expect(response.status).toBe(400); // the title is too long for an article, but the body was read
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a body that is not JSON with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await t.http.put('/api/v1/articles/a1', undefined, {
      token: adminToken,
      rawBody: '<article/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it.each(['application/x-www-form-urlencoded', 'text/plain; charset=utf-8'])(
    'refuses a %s body with 415 too, though the framework could read it',
    async (type) => {
      const response = await t.http.put('/api/v1/articles/a1', undefined, {
        token: adminToken,
        rawBody: type.startsWith('text/') ? '{"title":"A","url":"https://news.example/a1"}' : 'title=A&url=https%3A%2F%2Fnews.example%2Fa1',
        headers: { 'content-type': type },
      });
      expect(response.status).toBe(415);
      expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    },
  );

  it('does not quote a malformed body back', async () => {
    const response = await t.http.put('/api/v1/articles/a1', undefined, {
      token: adminToken,
      rawBody: '{"title": "quoted-back-if-echoed',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.body).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String), details: {} } });
    expect(response.text).not.toContain('quoted-back-if-echoed');
  });

  it('refuses an article id longer than the router takes with 414 URI_TOO_LONG in the envelope, without echoing it', async () => {
    const id = `echoed${'x'.repeat(300)}`;
    for (const path of [`/api/v1/articles/${id}`, `/api/v1/articles/${id}/comments`]) {
      const response = await t.http.get(path);
      expect(response.status).toBe(414);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.body).toEqual({ error: { code: 'URI_TOO_LONG', message: expect.any(String), details: {} } });
      expect(response.text).not.toContain('echoed');
      // Answered before any hook runs, and still with what every response carries.
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });

  it('refuses an article id the router takes but the contract does not with 400 VALIDATION_FAILED', async () => {
    const response = await t.http.get(`/api/v1/articles/${'x'.repeat(200)}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a path that is not valid percent-encoding with 400 VALIDATION_FAILED, without echoing it', async () => {
    const response = await t.http.get('/api/v1/articles/echoed%ff');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String), details: {} } });
    expect(response.text).not.toContain('echoed');
  });

  it('refuses headers over 16 KiB with 431 HEADERS_TOO_LARGE in the envelope, and closes the connection', async () => {
    const answer = await rawExchange(t.baseUrl, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Echoed: ${'e'.repeat(20_000)}\r\n\r\n`);
    expect(answer.head).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer.head).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'HEADERS_TOO_LARGE', message: expect.any(String), details: {} } });
    expect(answer.body).not.toContain('eeee');
  });

  it('refuses what is not HTTP with 400 VALIDATION_FAILED in the envelope', async () => {
    const answer = await rawExchange(t.baseUrl, 'NOT HTTP AT ALL\r\n\r\n');
    expect(answer.head).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String), details: {} } });
  });

  it('answers a CONNECT (a tunnel it does not offer) with 404 NOT_FOUND in the envelope, and closes the connection', async () => {
    const answer = await rawExchange(t.baseUrl, 'CONNECT internal.example:443 HTTP/1.1\r\nHost: internal.example:443\r\n\r\n');
    expect(answer.head).toMatch(/^HTTP\/1\.1 404 /);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String), details: {} } });
  });

  it('names every wrong field of a body in VALIDATION_FAILED details', async () => {
    const response = await t.http.put('/api/v1/articles/a1', { title: 42, url: 'ftp://x', commentsOpen: 'yes', extra: 1 }, { token: adminToken });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    const paths = response.body.error.details.issues.map((issue: { path: string[] }) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['title', 'url', 'commentsOpen', '']));
  });

  it('echoes a sane X-Request-Id and makes one up otherwise', async () => {
    const given = await t.http.get('/healthz', { headers: { 'x-request-id': 'edge-1234' } });
    expect(given.headers.get('x-request-id')).toBe('edge-1234');
    const madeUp = await t.http.get('/healthz', { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(madeUp.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the OpenAPI document and its page at /api/docs', async () => {
    const page = await t.http.get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const document = await t.http.get('/api/docs/openapi.json');
    expect(document.status).toBe(200);
    expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/api/v1/articles/{articleId}', '/api/v1/auth/sso']));
  });

  it('allows browsers from an allowed origin and no other', async () => {
    const allowed = await t.http.request('OPTIONS', '/api/v1/articles/a1', undefined, {
      headers: { origin: 'https://www.example.org', 'access-control-request-method': 'PUT' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://www.example.org');
    const foreign = await t.http.request('OPTIONS', '/api/v1/articles/a1', undefined, {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'PUT' },
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it.each([
    ['without an Origin', {}],
    ['from an allowed origin without Access-Control-Request-Method', { origin: 'https://www.example.org' }],
  ])('answers an OPTIONS request %s with an empty 204, not an error outside the envelope', async (_, headers: Record<string, string>) => {
    const response = await t.http.request('OPTIONS', '/api/v1/articles/a1', undefined, { headers });
    expect([response.status, response.text]).toEqual([204, '']);
  });
});

describe('caching of public reads', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('gives public reads a short public cache life and an ETag that revalidates to 304', async () => {
    const admin = await aUser(t.http, { role: 'admin' });
    await t.http.put('/api/v1/articles/cached', { title: 'Cached', url: 'https://x.example/c' }, { token: admin.token });
    const first = await t.http.get('/api/v1/articles/cached/comments');
    expect(first.headers.get('cache-control')).toBe('public, max-age=5, stale-while-revalidate=30');
    expect(first.headers.get('vary')).toMatch(/authorization/i);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await t.http.get('/api/v1/articles/cached/comments', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('keeps reads made with a token private', async () => {
    const reader = await aUser(t.http);
    const response = await t.http.get('/api/v1/me', { token: reader.token });
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
  });
});

/** Sends `request` as it is on a fresh connection and reads until the server closes it. */
function rawExchange(baseUrl: string, request: string): Promise<{ head: string; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.end(request));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n');
      resolve({ head, body });
    });
  });
}
