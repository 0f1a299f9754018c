import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ERROR_STATUS } from '@/common/errors/app-error.js';
import { anArticle } from '../factories/articles.js';
import { aComment } from '../factories/comments.js';
import { aUser } from '../factories/users.js';
import { turnOffQuotas } from '../helpers/policy.js';
import { rawRequest, type RawRequest, type RawResponse } from '../helpers/raw-http.js';
import { startTestApp, TEST_SSO_SECRET, type TestApp } from '../helpers/test-app.js';

// Property-based fuzzing of the public API over real HTTP, byte for byte: whatever a client sends
// (bodies, headers, methods, path and query values, publisher tokens), the service never answers
// 5xx, and every 4xx is the contract's envelope with one of its codes, in JSON. The seed is fixed, so a failure reproduces: fast-check prints the seed, the
// path to the shrunk case and the request; FUZZ_SEED=<n> runs the same properties with another seed.

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
/** Requests per property: together about a minute (FUZZ_RUNS=<n> for a longer hunt). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1_000);

type Role = 'reader' | 'moderator' | 'admin';

interface Targets {
  tokens: Record<Role, string>;
  articles: string[];
  /** Published, held, and a reply. */
  comments: string[];
  users: string[];
  /** Cursors the service gave out (comments by each sort, the pending queue), decoded, to be sent back mangled. */
  cursorPositions: Array<Record<string, unknown>>;
}

let t: TestApp;
let targets: Targets;

// ---- What the service must answer -------------------------------------------------------------

const CODES = new Set(Object.keys(ERROR_STATUS));

/** The contract, for one answer: no 5xx; a 4xx is `{ error: { code, message, details } }` in JSON, its code the status's. */
function contractViolation(method: string, response: RawResponse): string | null {
  if (response.status >= 500) return `a ${response.status}`;
  if (response.status < 400) return null;
  const type = response.headers['content-type'];
  if (!type?.startsWith('application/json')) return `a ${response.status} as ${type ?? 'no content type'}`;
  // The answer to a HEAD is the GET's without its body.
  if (method === 'HEAD') return null;
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return `a ${response.status} whose body is not JSON`;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (typeof error !== 'object' || error === null || Object.keys(body as object).length !== 1) return `a ${response.status} outside the error envelope`;
  if (typeof error.code !== 'string' || !CODES.has(error.code))
    return `a ${response.status} with the code ${JSON.stringify(error.code)}, not one of the contract's`;
  if (ERROR_STATUS[error.code as keyof typeof ERROR_STATUS] !== response.status) return `a ${response.status} with ${error.code}, the code of another status`;
  if (typeof error.message !== 'string') return `a ${response.status} without a message`;
  if (typeof error.details !== 'object' || error.details === null || Array.isArray(error.details))
    return `a ${response.status} whose details are not an object`;
  return null;
}

const printable = (bytes: string | Uint8Array) => (typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('latin1'));

/** Sends the request; an answer that breaks the contract fails the property, naming the request (and `about` it) and the answer. */
async function sendAndCheck(request: RawRequest, about?: unknown): Promise<void> {
  const response = await rawRequest(t.baseUrl, request);
  const violation = contractViolation(request.method, response);
  if (!violation) return;
  const sent = {
    method: request.method,
    target: request.target.slice(0, 500),
    headers: request.headers?.map(([name, value]) => [name, printable(value)]),
    body: request.body && printable(request.body).slice(0, 500),
  };
  throw new Error(`${violation}, to ${JSON.stringify(sent)}${about === undefined ? '' : ` (${JSON.stringify(about)})`}: ${response.body.slice(0, 500)}`);
}

const check = <T extends [unknown, ...unknown[]]>(property: fc.IAsyncProperty<T>, numRuns = RUNS) => fc.assert(property, { seed: SEED, numRuns });

// ---- What a client may send ---------------------------------------------------------------------

const utf8 = (text: string) => new TextEncoder().encode(text);
const json = (value: unknown) => utf8(JSON.stringify(value));

/** Any text: any code points, lone surrogates, NUL and other controls, bidi overrides, combining marks, long runs. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 40 }),
  // The awkward code points, often: controls, NUL, separators, surrogate halves, bidi and byte-order marks.
  fc.string({
    unit: fc.constantFrom('\u0000', '\u0001', '\u001f', '\u007f', '\u0085', '\u2028', '\ud800', '\udfff', '\u202e', '\ufeff', '\u200d', 'a', ' '),
    maxLength: 20,
  }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\u202e', '\ufeff', '\r\n', 'e\u0301', '👩‍👩‍👧‍👦', '%00', '../', '{}', 'null', '__proto__', 'ㅅㅂ', '010-1234-5678'),
  fc.tuple(fc.constantFrom('a', '가', '😀', 'e\u0301', ' '), fc.integer({ min: 240, max: 400 })).map(([unit, count]) => unit.repeat(count)),
);
/** Digits, signs, exponents, hex and other spellings of numbers, and numbers too large for any column. */
const numberText = fc.oneof(
  fc.integer().map(String),
  fc.stringMatching(/^[-+]?\d{1,40}(\.\d{1,5})?(e[-+]?\d{1,4})?$/),
  fc.stringMatching(/^\d{15,40}$/),
  fc.constantFrom('0', '-1', '1.5', '1e2', '1e400', '0x10', ' 5', '5 ', 'NaN', 'Infinity', '-0', '', '٣', '9223372036854775808'),
);
/** Any bytes that fit in a header value (a CR or LF would end the header line). */
const headerBytes = (maxLength: number) => fc.uint8Array({ maxLength }).map((bytes) => bytes.filter((byte) => byte !== 0x0d && byte !== 0x0a));

/** One of the real values (looked up when the run starts), or anything. */
const realOrAny = (real: () => string[], any: fc.Arbitrary<string>) =>
  fc.oneof(
    fc.nat().map((n) => real()[n % real().length]!),
    any,
  );
const articleId = () => realOrAny(() => targets.articles, fc.oneof(fc.stringMatching(/^[A-Za-z0-9._:-]{1,130}$/), anyText));
const commentId = () => realOrAny(() => targets.comments, fc.oneof(fc.uuid(), anyText));

/** Percent-encodes the UTF-8 bytes of any text, lone surrogates too (as U+FFFD; encodeURIComponent would throw). */
const percentEncoded = (text: string) =>
  [...Buffer.from(text, 'utf8')]
    .map((byte) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');

/** A value as it may stand in a path segment or a query: encoded, raw bytes, broken percent-encodings, very long. */
const urlValue = (value: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 3, arbitrary: value.map(percentEncoded) },
    {
      weight: 1,
      arbitrary: value.map((text) =>
        Buffer.from(text, 'utf8')
          .toString('latin1')
          .replace(/[\s?#/&]/g, ''),
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.constantFrom('%', '%0', '%zz', '%00', '%2F', '%2e%2e', '%C0%AF', '%E0%A4', '%FF', '%uD800', '+', '%20', '%25', 'a', '.', '..'), {
          maxLength: 12,
        })
        .map((parts) => parts.join('')),
    },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', '%41', 'é', '0'), fc.integer({ min: 129, max: 6_000 })).map(([unit, count]) => unit.repeat(count)) },
  );

const role = fc.constantFrom<Role>('reader', 'moderator', 'admin');
const bearer = (as: Role) => `Bearer ${targets.tokens[as]}`;

/** An Authorization header for the guard to chew on: none, a real token, a spoiled one, or any bytes. */
const authorization: fc.Arbitrary<string | Uint8Array | undefined> = fc.oneof(
  fc.constant(undefined),
  role.map(bearer),
  fc
    .tuple(fc.constantFrom('Bearer ', 'bearer  ', 'BEARER\t', 'Basic ', 'Bearer', ''), role, fc.string({ maxLength: 3 }))
    .map(([scheme, as, junk]) => `${scheme}${targets.tokens[as]}${junk}`),
  headerBytes(200),
  headerBytes(200).map((bytes) => Buffer.concat([Buffer.from('Bearer '), bytes])),
);

const contentType = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'Application/JSON; Charset=UTF-8',
    'application/json; charset=utf-16',
    'application/json;',
    'application/json; charset="',
    'application/json, text/plain',
    'application/merge-patch+json',
    'text/plain',
    'text/html',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/octet-stream',
    '*/*',
    ';',
    '',
  ),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }),
  headerBytes(40),
);

/** Field names the routes below read, and some no route reads. */
const FIELDS = [
  'body',
  'parentId',
  'reason',
  'note',
  'action',
  'override',
  'items',
  'commentId',
  'token',
  'title',
  'url',
  'section',
  'commentsOpen',
  'premoderation',
];
const fieldValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    anyText,
    fc.jsonValue({ maxDepth: 3 }),
    commentId(),
    articleId(),
    fc.constantFrom('spam', 'other', 'approve', 'reject', 'https://news.example.com/a', 'javascript:alert(1)', true, null, -1, 1e308, 2 ** 53 + 2),
  );

/** Any JSON value; an object of known and unknown fields with any values; nested up to the body limit; just under and over the limit. */
const jsonBody = fc.oneof(
  fc.jsonValue().map(json),
  fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS, '__proto__', 'constructor'), fc.string({ maxLength: 8 })), fieldValue(), { maxKeys: 5 }).map(json),
  fc
    .tuple(fc.constantFrom('[', '{"a":', '{"body":'), fc.integer({ min: 1, max: 3_000 }))
    .map(([open, depth]) => utf8(open.repeat(depth) + (open === '[' ? ']' : '1}').repeat(depth))),
  fc.tuple(fc.integer({ min: 16 * 1024 - 64, max: 16 * 1024 + 64 }), fc.constantFrom('x', '가', '\\u0000', '\\"', ' ')).map(([size, unit]) => {
    const count = Math.max(0, Math.floor((size - '{"body":""}'.length) / Buffer.byteLength(unit)));
    return utf8(`{"body":"${unit.repeat(count)}"}`);
  }),
);

interface Endpoint {
  method: string;
  /** The path, with `{article}`, `{comment}` or `{queue}` where a value goes. */
  path: string;
  /** A body it accepts, so that the headers, the path or one field are what is being tried. */
  validBody?: () => Record<string, unknown>;
}

const ENDPOINTS: Endpoint[] = [
  { method: 'GET', path: '/api/v1/articles/{article}/comments' },
  { method: 'POST', path: '/api/v1/articles/{article}/comments', validBody: () => ({ body: `A civil remark on the budget ${Math.random()}`, parentId: null }) },
  { method: 'PATCH', path: '/api/v1/comments/{comment}', validBody: () => ({ body: `A civil correction ${Math.random()}` }) },
  { method: 'DELETE', path: '/api/v1/comments/{comment}' },
  { method: 'POST', path: '/api/v1/comments/{comment}/reports', validBody: () => ({ reason: 'spam', note: 'fuzz' }) },
  { method: 'PUT', path: '/api/v1/comments/{comment}/like' },
  { method: 'DELETE', path: '/api/v1/comments/{comment}/like' },
  { method: 'GET', path: '/api/v1/articles/{article}' },
  { method: 'PUT', path: '/api/v1/articles/{article}', validBody: () => ({ title: 'Fuzzed', url: 'https://news.example.com/fuzzed', section: 'news' }) },
  { method: 'POST', path: '/api/v1/policy/evaluate', validBody: () => ({ body: 'A civil remark.', articleId: targets.articles[0] }) },
  { method: 'GET', path: '/api/v1/moderation/queues/{queue}' },
  { method: 'POST', path: '/api/v1/moderation/comments/{comment}/decision', validBody: () => ({ action: 'reject', reason: 'fuzz', override: true }) },
  { method: 'GET', path: '/api/v1/moderation/log' },
  { method: 'POST', path: '/api/v1/auth/sso', validBody: () => ({ token: 'not-a-jwt' }) },
];
const withBody = ENDPOINTS.filter((endpoint) => endpoint.validBody);
const withPathValues = ENDPOINTS.filter((endpoint) => endpoint.path.includes('{'));
const reads = ENDPOINTS.filter((endpoint) => endpoint.method === 'GET');

/** A valid body with one of its fields set to anything, or with a field it does not have. */
const bodyWithOneFieldSpoiled = (endpoint: Endpoint) =>
  fc
    .oneof(
      { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...Object.keys(endpoint.validBody!())), fc.oneof(anyText, fieldValue())) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...FIELDS, '__proto__'), fieldValue()) },
    )
    .map(([field, value]) => json({ ...endpoint.validBody!(), [field]: value }));

/** The endpoint's path with real values in it: an existing article and comment, a real queue. */
const realPath = (endpoint: Endpoint, pick: number) =>
  endpoint.path
    .replace('{article}', targets.articles[pick % targets.articles.length]!)
    .replace('{comment}', targets.comments[pick % targets.comments.length]!)
    .replace('{queue}', ['pending', 'reported', 'rejected', 'approved'][pick % 4]!);

/**
 * A token signed (HS256) with the publisher's secret, of a valid token's claims with these laid over
 * (undefined removes one). Signed by hand: jose refuses to sign some of what a fuzzer sends.
 */
function signedByThePublisher(claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = JSON.stringify({ sub: `fuzz-${randomUUID()}`, name: 'Fuzz', jti: randomUUID(), iat: now, exp: now + 300, ...claims });
  const part = (text: string) => Buffer.from(text).toString('base64url');
  const signed = `${part('{"alg":"HS256","typ":"JWT"}')}.${part(payload)}`;
  return `${signed}.${createHmac('sha256', TEST_SSO_SECRET).update(signed).digest('base64url')}`;
}

const headerList = (entries: Array<[string, string | Uint8Array | null | undefined]>) =>
  entries.filter((entry): entry is [string, string | Uint8Array] => entry[1] !== undefined && entry[1] !== null);

// ---- The properties ---------------------------------------------------------------------------

describe(`fuzzing the public API (seed ${SEED})`, () => {
  beforeAll(async () => {
    t = await startTestApp({ env: { COMMENT_RATE_LIMIT: '1000000/60', AUTH_RATE_LIMIT: '1000000/60', ALLOWED_ORIGINS: 'https://news.example.com' } });
    const [reader, moderator, admin] = await Promise.all([aUser(t.http), aUser(t.http, { role: 'moderator' }), aUser(t.http, { role: 'admin' })]);
    await turnOffQuotas(t.http, admin.token);
    const [open, premoderated] = await Promise.all([anArticle(t.http, admin.token), anArticle(t.http, admin.token, { premoderation: true })]);
    const comments: string[] = [];
    for (const article of [open, open, open, premoderated, premoderated]) comments.push((await aComment(t.http, reader.token, article.id)).id);
    comments.push((await aComment(t.http, moderator.token, open.id, { parentId: comments[0] })).id);
    const cursors: unknown[] = [];
    for (const sort of ['newest', 'oldest', 'top'])
      cursors.push((await t.http.get(`/api/v1/articles/${open.id}/comments?limit=1&sort=${sort}`)).body.nextCursor);
    cursors.push((await t.http.get('/api/v1/moderation/queues/pending?limit=1', { token: moderator.token })).body.nextCursor);
    expect(cursors).toEqual(Array(4).fill(expect.any(String)));
    targets = {
      tokens: { reader: reader.token, moderator: moderator.token, admin: admin.token },
      articles: [open.id, premoderated.id],
      comments,
      users: [reader.user.id, moderator.user.id],
      cursorPositions: cursors.map((cursor) => JSON.parse(Buffer.from(cursor as string, 'base64url').toString('utf8'))),
    };
  });
  afterAll(() => t?.close());

  it('answers any body, of any content type and size, within the contract', async () => {
    const body = (endpoint: Endpoint) =>
      fc.oneof(
        { weight: 3, arbitrary: bodyWithOneFieldSpoiled(endpoint) },
        { weight: 2, arbitrary: jsonBody },
        { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2_048 }) },
      );
    const request = fc.constantFrom(...withBody).chain((endpoint) =>
      fc.record({
        method: fc.constant(endpoint.method),
        target: fc.nat().map((pick) => realPath(endpoint, pick)),
        headers: fc
          .tuple(fc.oneof(role.map(bearer), authorization), fc.oneof({ weight: 3, arbitrary: fc.constant('application/json') }, fc.option(contentType)))
          .map(([auth, type]) =>
            headerList([
              ['authorization', auth],
              ['content-type', type],
            ]),
          ),
        body: body(endpoint),
      }),
    );
    await check(fc.asyncProperty(request, (sent) => sendAndCheck(sent)));
  }, 180_000);

  it('answers any Authorization, Idempotency-Key, If-None-Match, Content-Type and other headers within the contract', async () => {
    const request = fc.record({
      endpoint: fc.constantFrom(...ENDPOINTS),
      pick: fc.nat(),
      auth: authorization,
      idempotencyKey: fc.option(fc.oneof(headerBytes(300), fc.string({ unit: 'binary-ascii', minLength: 250, maxLength: 260 }))),
      ifNoneMatch: fc.option(fc.oneof(headerBytes(100), fc.constantFrom('*', 'W/"x"', '"', 'W/', ', , ,', 'W/"', '"a", W/"b"'))),
      type: fc.option(contentType),
      accept: fc.option(fc.oneof(fc.constantFrom('text/html', '*/*', 'application/json;q=0', 'text/event-stream'), headerBytes(60))),
      acceptEncoding: fc.option(fc.oneof(fc.constantFrom('br', 'gzip;q=0', 'identity;q=0, *;q=0', 'deflate', 'br;q=abc, gzip;q=1e9'), headerBytes(40))),
      origin: fc.option(fc.oneof(fc.constantFrom('https://news.example.com', 'null', 'https://evil.example'), headerBytes(60))),
      requestId: fc.option(headerBytes(200)),
    });
    await check(
      fc.asyncProperty(
        request.map((r) => ({
          method: r.endpoint.method,
          target: realPath(r.endpoint, r.pick),
          headers: headerList([
            ['authorization', r.auth],
            ['idempotency-key', r.idempotencyKey],
            ['if-none-match', r.ifNoneMatch],
            ['content-type', r.endpoint.validBody ? (r.type ?? 'application/json') : r.type],
            ['accept', r.accept],
            ['accept-encoding', r.acceptEncoding],
            ['origin', r.origin],
            ['x-request-id', r.requestId],
          ]),
          body: r.endpoint.validBody ? json(r.endpoint.validBody()) : undefined,
        })),
        (request) => sendAndCheck(request),
      ),
    );
  }, 180_000);

  it('answers any method, and CORS preflights from anywhere, within the contract', async () => {
    const method = fc.oneof(
      fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT', 'PROPFIND', 'QUERY', 'get', 'Post'),
      fc.stringMatching(/^[A-Za-z]{1,10}$/),
    );
    const request = fc.record({
      endpoint: fc.constantFrom(...ENDPOINTS),
      pick: fc.nat(),
      method,
      as: fc.option(role),
      origin: fc.option(fc.oneof(fc.constantFrom('https://news.example.com', 'https://evil.example', 'null', ''), headerBytes(60))),
      requestMethod: fc.option(fc.oneof(fc.constantFrom('GET', 'PUT', 'DELETE', 'FOO', ''), headerBytes(20))),
      requestHeaders: fc.option(fc.oneof(fc.constantFrom('authorization, content-type', 'idempotency-key', 'x-evil', '*'), headerBytes(60))),
    });
    await check(
      fc.asyncProperty(
        request.map((r) => ({
          method: r.method,
          target: realPath(r.endpoint, r.pick),
          headers: headerList([
            ['authorization', r.as && bearer(r.as)],
            ['origin', r.origin],
            ['access-control-request-method', r.requestMethod],
            ['access-control-request-headers', r.requestHeaders],
            ['content-type', r.endpoint.validBody ? 'application/json' : undefined],
          ]),
          body: r.endpoint.validBody ? json(r.endpoint.validBody()) : undefined,
        })),
        (request) => sendAndCheck(request),
      ),
    );
  }, 180_000);

  it('answers any article id, comment id and queue name in the path within the contract', async () => {
    const request = fc.record({
      endpoint: fc.constantFrom(...withPathValues),
      article: urlValue(articleId()),
      comment: urlValue(commentId()),
      queue: urlValue(fc.oneof(fc.constantFrom('pending', 'reported', 'rejected', 'approved', 'PENDING', 'pending '), anyText)),
      as: role,
    });
    await check(
      fc.asyncProperty(
        request.map(({ endpoint, article, comment, queue, as }) => ({
          method: endpoint.method,
          target: endpoint.path.replace('{article}', article).replace('{comment}', comment).replace('{queue}', queue),
          headers: headerList([
            ['authorization', bearer(as)],
            ['content-type', endpoint.validBody ? 'application/json' : undefined],
          ]),
          body: endpoint.validBody ? json(endpoint.validBody()) : undefined,
        })),
        (request) => sendAndCheck(request),
      ),
    );
  }, 180_000);

  it('answers any sort, limit, cursor, parentId and filter in the query within the contract', async () => {
    const junk = fc.oneof(anyText, numberText, fc.uuid(), fc.double(), fc.constantFrom(1e300, -1, 2 ** 31, 2 ** 63, null, true, {}, []));
    const dates = fc.constantFrom(
      '9999-12-31T23:59:59.999Z',
      '0000-01-01T00:00:00Z',
      '+275760-09-13T00:00:00.000Z',
      '2026-02-30T00:00:00Z',
      '1969-12-31T23:59:59.999+14:00',
    );
    // A cursor the service gave out, with one of its fields replaced: the decoder's and the query's ranges are what is tried.
    const spoiledCursor = fc
      .tuple(fc.constantFrom(...targets.cursorPositions), fc.constantFrom('s', 'q', 'c', 'i', 'l', 'x'), fc.oneof(junk, dates))
      .map(([position, field, value]) => Buffer.from(JSON.stringify({ ...position, [field]: value })).toString('base64url'));
    // Mostly valid values, so that the one bad value in a query is the one that reaches the code behind it.
    const validOr = (valid: fc.Arbitrary<string>, junk: fc.Arbitrary<string>) => fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: junk });
    const values: Record<string, fc.Arbitrary<string>> = {
      sort: validOr(fc.constantFrom('newest', 'oldest', 'top'), fc.oneof(fc.constantFrom('TOP', ''), anyText)),
      limit: validOr(fc.integer({ min: 1, max: 100 }).map(String), numberText),
      cursor: fc.oneof(spoiledCursor, numberText, anyText),
      parentId: commentId(),
      articleId: articleId(),
      commentId: commentId(),
      userId: realOrAny(() => targets.users, fc.oneof(fc.uuid(), anyText)),
      authorId: validOr(fc.uuid(), anyText),
      group: validOr(fc.uuid(), anyText),
      section: validOr(fc.constantFrom('news', 'sport'), anyText),
      rule: validOr(fc.constantFrom('profanity.banned', 'quota.daily', 'links.url'), anyText),
    };
    /** The query parameters each list reads. */
    const READ_BY: Record<string, string[]> = {
      '/api/v1/articles/{article}/comments': ['sort', 'limit', 'cursor', 'parentId'],
      '/api/v1/moderation/queues/{queue}': ['limit', 'cursor', 'articleId', 'section', 'authorId', 'rule', 'group'],
      '/api/v1/moderation/log': ['commentId', 'userId', 'limit', 'cursor'],
    };
    const parameter = (names: string[]) =>
      fc.oneof(
        { weight: 10, arbitrary: fc.constantFrom(...names).chain((name) => urlValue(values[name]!).map((encoded) => `${name}=${encoded}`)) },
        { weight: 1, arbitrary: fc.string({ maxLength: 10 }).map((name) => `${percentEncoded(name)}=1`) },
        { weight: 1, arbitrary: fc.constantFrom('limit[]=1', 'sort[a]=b', '=', '&&', 'limit', 'cursor=', '__proto__=1', 'constructor[prototype]=1') },
      );
    const request = fc.constantFrom(...reads).chain((endpoint) =>
      fc.record({
        endpoint: fc.constant(endpoint),
        pick: fc.nat(),
        query: fc.array(parameter(READ_BY[endpoint.path] ?? Object.keys(values)), { minLength: 1, maxLength: 3 }),
        // Staff, mostly, where only staff get past the guard.
        as: endpoint.path.startsWith('/api/v1/moderation/')
          ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom<Role>('moderator', 'admin') }, fc.option(role))
          : fc.option(role),
      }),
    );
    await check(
      fc.asyncProperty(
        request.map(({ endpoint, pick, query, as }) => ({
          method: 'GET',
          target: `${realPath(endpoint, pick)}?${query.join('&')}`,
          headers: headerList([['authorization', as && bearer(as)]]),
        })),
        (request) => sendAndCheck(request),
      ),
    );
  }, 180_000);

  it('answers any publisher token at SSO login within the contract', async () => {
    const anyClaim = fc.oneof(anyText, fc.jsonValue({ maxDepth: 2 }), fc.integer(), fc.double(), fc.constant(undefined));
    const NUMERIC = ['exp', 'iat', 'nbf'];
    const claimName = fc.constantFrom(...NUMERIC, 'sub', 'jti', 'name', 'email', 'email_verified', 'role', 'aud', 'iss');
    // Mostly a value of the claim's own kind, so that it gets past the checks before the one it tries.
    const claimOfItsKind = (name: string) =>
      fc.oneof(
        { weight: 3, arbitrary: NUMERIC.includes(name) ? fc.oneof(fc.integer(), fc.double(), fc.constantFrom(1e300, 8.64e12, -1, 0)) : anyText },
        { weight: 1, arbitrary: anyClaim },
      );
    const token = fc.oneof(
      // Signed with the publisher's secret, so what the claims say is what is judged.
      { weight: 3, arbitrary: claimName.chain((name) => claimOfItsKind(name).map((value) => ({ claims: { [name]: value } }))) },
      { weight: 1, arbitrary: fc.dictionary(claimName, anyClaim, { maxKeys: 6 }).map((claims) => ({ claims })) },
      fc
        .oneof(
          anyText,
          fc.array(fc.base64String({ maxLength: 60 }), { minLength: 1, maxLength: 5 }).map((parts) => parts.join('.')),
        )
        .map((jwt) => ({ jwt })),
    );
    await check(
      fc.asyncProperty(token, async (sent) => {
        const jwt = 'jwt' in sent ? sent.jwt : signedByThePublisher(sent.claims);
        const request: RawRequest = { method: 'POST', target: '/api/v1/auth/sso', headers: [['content-type', 'application/json']], body: json({ token: jwt }) };
        await sendAndCheck(request, 'claims' in sent ? { claims: sent.claims } : undefined);
      }),
      RUNS / 2,
    );
  }, 180_000);
});
