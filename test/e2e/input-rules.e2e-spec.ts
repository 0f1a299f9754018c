import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anArticle } from '../factories/articles.js';
import { aComment } from '../factories/comments.js';
import { aUser, anSsoToken, type LoggedInUser } from '../factories/users.js';
import type { HttpClient, HttpResponse } from '../helpers/http-client.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const NUL = 'a\u0000b';
const LONE_SURROGATE = 'a\uD800b';
const cursorOf = (position: object) => Buffer.from(JSON.stringify(position)).toString('base64url');

interface Fixtures {
  http: HttpClient;
  admin: LoggedInUser;
  moderator: LoggedInUser;
  author: LoggedInUser;
  reader: LoggedInUser;
  articleId: string;
  commentId: string;
  policyVersion: number;
  definition: Record<string, unknown>;
}

/** Every request that carries text to the database, with the field that carries it ({text}: the text itself, as a key). */
const TEXT_FIELDS: [string, (f: Fixtures, text: string) => Promise<HttpResponse>, string][] = [
  ['a comment body', (f, text) => f.http.post(`/api/v1/articles/${f.articleId}/comments`, { body: text }, { token: f.author.token }), 'body'],
  ['an edited comment body', (f, text) => f.http.patch(`/api/v1/comments/${f.commentId}`, { body: text }, { token: f.author.token }), 'body'],
  ['a report note', (f, text) => f.http.post(`/api/v1/comments/${f.commentId}/reports`, { reason: 'other', note: text }, { token: f.reader.token }), 'note'],
  [
    'a decision reason',
    (f, text) => f.http.post(`/api/v1/moderation/comments/${f.commentId}/decision`, { action: 'reject', reason: text }, { token: f.moderator.token }),
    'reason',
  ],
  [
    'a bulk decision reason',
    (f, text) =>
      f.http.post('/api/v1/moderation/decisions', { items: [{ commentId: f.commentId, action: 'reject', reason: text }] }, { token: f.moderator.token }),
    'items.0.reason',
  ],
  [
    'a ban reason',
    (f, text) => f.http.post(`/api/v1/moderation/users/${f.reader.user.id}/ban`, { until: null, reason: text }, { token: f.moderator.token }),
    'reason',
  ],
  [
    'the reason for lifting a ban',
    (f, text) =>
      f.http.delete(`/api/v1/moderation/users/${f.reader.user.id}/ban`, {
        token: f.moderator.token,
        rawBody: JSON.stringify({ reason: text }),
        headers: { 'content-type': 'application/json' },
      }),
    'reason',
  ],
  [
    'a trust reason',
    (f, text) => f.http.put(`/api/v1/moderation/users/${f.reader.user.id}/trust`, { trust: 'watched', reason: text }, { token: f.moderator.token }),
    'reason',
  ],
  [
    'a role reason',
    (f, text) => f.http.put(`/api/v1/moderation/users/${f.reader.user.id}/role`, { role: 'moderator', reason: text }, { token: f.admin.token }),
    'reason',
  ],
  ['a demo login name', (f, text) => f.http.post('/api/v1/auth/dev', { name: text }), 'name'],
  [
    'an article title',
    (f, text) => f.http.put(`/api/v1/articles/${f.articleId}`, { title: text, url: 'https://news.example.com/a' }, { token: f.admin.token }),
    'title',
  ],
  [
    'an article url',
    (f, text) => f.http.put(`/api/v1/articles/${f.articleId}`, { title: 'T', url: `https://news.example.com/${text}` }, { token: f.admin.token }),
    'url',
  ],
  [
    'an article section',
    (f, text) => f.http.put(`/api/v1/articles/${f.articleId}`, { title: 'T', url: 'https://news.example.com/a', section: text }, { token: f.admin.token }),
    'section',
  ],
  [
    'an article group name',
    (f, text) => f.http.post('/api/v1/moderation/groups', { name: text, articleIds: [f.articleId] }, { token: f.moderator.token }),
    'name',
  ],
  ['a text to evaluate', (f, text) => f.http.post('/api/v1/policy/evaluate', { body: text }, { token: f.moderator.token }), 'body'],
  [
    'a policy term',
    (f, text) => f.http.patch('/api/v1/policy/rules/terms', { version: f.policyVersion + 1, list: 'banned', add: ['fine', text] }, { token: f.admin.token }),
    'add.1',
  ],
  [
    'a string deep in a policy definition',
    (f, text) =>
      f.http.put('/api/v1/policy/rules', { definition: { ...f.definition, version: f.policyVersion + 1, extra: { deep: [text] } } }, { token: f.admin.token }),
    'definition.extra.deep.0',
  ],
  [
    'a key of a policy definition',
    (f, text) => f.http.put('/api/v1/policy/rules', { definition: { ...f.definition, version: f.policyVersion + 1, [text]: 1 } }, { token: f.admin.token }),
    'definition.{text}',
  ],
];

describe('text PostgreSQL cannot store', () => {
  let t: TestApp;
  let f: Fixtures;

  beforeAll(async () => {
    t = await startTestApp();
    const [admin, moderator, author, reader] = await Promise.all([
      aUser(t.http, { role: 'admin' }),
      aUser(t.http, { role: 'moderator' }),
      aUser(t.http),
      aUser(t.http),
    ]);
    const article = await anArticle(t.http, admin.token);
    const comment = await aComment(t.http, author.token, article.id);
    const rules = (await t.http.get('/api/v1/policy/rules', { token: admin.token })).body;
    f = {
      http: t.http,
      admin,
      moderator,
      author,
      reader,
      articleId: article.id,
      commentId: comment.id,
      policyVersion: rules.version,
      definition: rules.definition,
    };
  });
  afterAll(() => t.close());

  describe.each([
    ['U+0000', NUL],
    ['an unpaired surrogate', LONE_SURROGATE],
  ])('%s', (_what, text) => {
    it.each(TEXT_FIELDS)('in %s is refused with 400 VALIDATION_FAILED naming the field', async (_field, send, path) => {
      const response = await send(f, text);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      const paths = response.body.error.details.issues.map((issue: { path: string[] }) => issue.path.join('.'));
      expect(paths).toEqual([path.replace('{text}', text)]);
    });
  });

  it('changes nothing when refused', async () => {
    await f.http.post(`/api/v1/articles/${f.articleId}/comments`, { body: NUL }, { token: f.author.token });
    const listed = (await f.http.get(`/api/v1/articles/${f.articleId}/comments`)).body.comments;
    expect(listed.map((comment: { id: string }) => comment.id)).toEqual([f.commentId]);
  });

  it('in a query filter is refused with 400 VALIDATION_FAILED naming it', async () => {
    const response = await t.http.get('/api/v1/moderation/queues/pending?section=a%00b', { token: f.moderator.token });
    expect(response.status).toBe(400);
    expect(response.body.error.details.issues).toEqual([{ path: ['section'], message: expect.any(String) }]);
  });

  describe('from a publisher SSO token', () => {
    const logIn = async (claims: Record<string, unknown>) => t.http.post('/api/v1/auth/sso', { token: await anSsoToken(claims) });

    it.each([
      ['drops U+0000 from the name', 'Kim\u0000 Ji-woo', 'Kim Ji-woo'],
      ['puts U+FFFD for an unpaired surrogate in the name', 'Kim Ji-woo \uD83D', 'Kim Ji-woo \uFFFD'],
    ])('%s and logs in', async (_name, name, shown) => {
      const response = await logIn({ name });
      expect(response.status).toBe(200);
      expect(response.body.user.displayName).toBe(shown);
      expect((await t.http.get('/api/v1/me', { token: response.body.accessToken })).body.displayName).toBe(shown);
    });

    it.each([
      ['sub', 'U+0000', { sub: 'publisher-user\u0000-1' }],
      ['sub', 'an unpaired surrogate', { sub: 'publisher-user\uDC00' }],
      ['jti', 'U+0000', { jti: 'token\u0000id' }],
      ['email', 'U+0000', { email: 'kim\u0000@example.com' }],
    ])('refuses a token whose "%s" holds %s with 401 SSO_TOKEN_INVALID', async (claim, _what, claims) => {
      const response = await logIn(claims);
      expect(response.status).toBe(401);
      expect(response.body.error).toEqual({ code: 'SSO_TOKEN_INVALID', message: expect.stringContaining(`"${claim}"`), details: {} });
    });
  });
});

describe('cursors and numbers that reach SQL', () => {
  let t: TestApp;
  let moderator: LoggedInUser;
  let articleId: string;
  let commentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await aUser(t.http, { role: 'admin' });
    moderator = await aUser(t.http, { role: 'moderator' });
    articleId = (await anArticle(t.http, admin.token)).id;
    commentId = (await aComment(t.http, (await aUser(t.http)).token, articleId)).id;
  });
  afterAll(() => t.close());

  const expectRefused = (response: HttpResponse) => {
    expect([response.status, response.body.error?.code]).toEqual([400, 'VALIDATION_FAILED']);
  };

  it.each([
    ['year 0000', { s: 'newest', c: '0000-01-01T00:00:00Z', l: 0 }, 'newest'],
    ['the first moment of year 0001, which is fine', { s: 'newest', c: '0001-01-01T00:00:00Z', l: 0 }, 'newest'],
    ['a like count past PostgreSQL integer', { s: 'top', c: '2026-01-01T00:00:00Z', l: 2 ** 31 }, 'top'],
    ['a like count at PostgreSQL integer, which is fine', { s: 'top', c: '2026-01-01T00:00:00Z', l: 2 ** 31 - 1 }, 'top'],
    ['a negative like count', { s: 'top', c: '2026-01-01T00:00:00Z', l: -1 }, 'top'],
  ])('reads a comment cursor with %s', async (name, position, sort) => {
    const response = await t.http.get(`/api/v1/articles/${articleId}/comments?sort=${sort}&cursor=${cursorOf({ ...position, i: commentId })}`);
    if (name.endsWith('which is fine')) expect(response.status).toBe(200);
    else expectRefused(response);
  });

  it('refuses a queue cursor of year 0000', async () => {
    const cursor = cursorOf({ q: 'pending', c: '0000-01-01T00:00:00Z', i: commentId });
    expectRefused(await t.http.get(`/api/v1/moderation/queues/pending?cursor=${cursor}`, { token: moderator.token }));
  });

  it.each([
    ['past bigint', '9223372036854775808', 400],
    ['of twenty digits', '99999999999999999999', 400],
    ['at bigint, which finds nothing after it', '9223372036854775807', 200],
  ])('reads a moderation log cursor %s', async (_name, cursor, status) => {
    const response = await t.http.get(`/api/v1/moderation/log?cursor=${cursor}`, { token: moderator.token });
    expect(response.status).toBe(status);
    if (status === 200) expect(response.body.entries).toEqual([]);
    else expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });
});
