import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aUser } from '../factories/users.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

describe('articles', () => {
  let t: TestApp;
  let admin: string;
  let reader: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await aUser(t.http, { role: 'admin' })).token;
    reader = (await aUser(t.http)).token;
  });
  afterAll(() => t.close());

  const article = { title: 'Waves of war', url: 'https://news.example.com/a/1', commentsOpen: true, premoderation: false };

  it('lets an admin create an article with PUT and answers the contract Article', async () => {
    const response = await t.http.put('/api/v1/articles/news:2024.10-31_a', article, { token: admin });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: 'news:2024.10-31_a', ...article, commentCount: 0 });
    const read = await t.http.get('/api/v1/articles/news:2024.10-31_a');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id: 'news:2024.10-31_a',
      title: 'Waves of war',
      url: article.url,
      commentsOpen: true,
      premoderation: false,
      commentCount: 0,
    });
  });

  it('updates an existing article on a second PUT', async () => {
    await t.http.put('/api/v1/articles/update-me', article, { token: admin });
    const response = await t.http.put(
      '/api/v1/articles/update-me',
      { ...article, title: 'New title', commentsOpen: false, premoderation: true },
      { token: admin },
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ title: 'New title', commentsOpen: false, premoderation: true });
    expect((await t.http.get('/api/v1/articles/update-me')).body.title).toBe('New title');
  });

  it('defaults commentsOpen to true and premoderation to false', async () => {
    const response = await t.http.put('/api/v1/articles/defaults', { title: 'T', url: 'https://x.example/t' }, { token: admin });
    expect(response.body).toMatchObject({ commentsOpen: true, premoderation: false });
  });

  it('answers 404 NOT_FOUND for an unknown article', async () => {
    const response = await t.http.get('/api/v1/articles/never-registered');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String), details: {} } });
  });

  it.each([
    ['a character outside the allowed set', 'bad%20id'],
    ['a slash-free id that is too long', 'x'.repeat(129)],
    ['a Hangul id', encodeURIComponent('기사')],
  ])('refuses an article id with %s with 400 VALIDATION_FAILED', async (_, id) => {
    const response = await t.http.get(`/api/v1/articles/${id}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('accepts a 128-character article id', async () => {
    const id = 'a'.repeat(128);
    expect((await t.http.put(`/api/v1/articles/${id}`, article, { token: admin })).status).toBe(200);
  });

  it.each([
    ['a missing title', { url: 'https://x.example' }],
    ['an empty title', { title: '  ', url: 'https://x.example' }],
    ['a javascript: URL', { title: 'T', url: 'javascript:alert(1)' }],
    ['a non-boolean commentsOpen', { title: 'T', url: 'https://x.example', commentsOpen: 'true' }],
    ['an unknown field', { title: 'T', url: 'https://x.example', owner: 'me' }],
    ['an array body', [1, 2]],
  ])('refuses a PUT with %s with 400 VALIDATION_FAILED', async (_, body) => {
    const response = await t.http.put('/api/v1/articles/validation', body, { token: admin });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a PUT without a token with 401 AUTH_REQUIRED', async () => {
    const response = await t.http.put('/api/v1/articles/anon', article);
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('AUTH_REQUIRED');
  });

  it('refuses a PUT with an unknown token with 401 AUTH_REQUIRED', async () => {
    const response = await t.http.put('/api/v1/articles/anon', article, { token: `cd_${'A'.repeat(43)}` });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('AUTH_REQUIRED');
  });

  it('refuses a PUT by a reader with 403 FORBIDDEN', async () => {
    const response = await t.http.put('/api/v1/articles/reader-try', article, { token: reader });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
    expect((await t.http.get('/api/v1/articles/reader-try')).status).toBe(404);
  });
});
