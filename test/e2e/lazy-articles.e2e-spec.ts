import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { aUser, type LoggedInUser } from '../factories/users.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const PUBLISHER = 'https://news.example.com';

const frameUrl = (params: Record<string, string>) => `/embed/frame?${new URLSearchParams({ lang: 'en', ...params })}`;

describe('articles registered by their first widget load (AUTO_CREATE_ARTICLES=true)', () => {
  let t: TestApp;
  let admin: LoggedInUser;
  const logLines: { level: number; msg: string; origin?: string }[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as (typeof logLines)[number]);
        done();
      },
    });
    t = await startTestApp({ env: { ALLOWED_ORIGINS: PUBLISHER, AUTO_CREATE_ARTICLES: 'true' }, logger: pino({ level: 'warn' }, sink) });
    admin = await aUser(t.http, { role: 'admin' });
  });
  afterAll(() => t.close());

  const article = (id: string) => t.http.get(`/api/v1/articles/${id}`);

  it("registers an unknown article from an allowed site's page, open for comments, and leaves it to admins after", async () => {
    const load = await t.http.get(frameUrl({ articleId: 'lazy-1', origin: PUBLISHER, title: 'Budget passes', url: `${PUBLISHER}/news/budget` }));
    expect(load.status).toBe(200);
    expect((await article('lazy-1')).body).toMatchObject({
      id: 'lazy-1',
      title: 'Budget passes',
      url: `${PUBLISHER}/news/budget`,
      commentsOpen: true,
      commentCount: 0,
    });

    // A later load says something else: the article stays as it was registered or as an admin set it.
    const closed = await t.http.put(
      '/api/v1/articles/lazy-1',
      { title: 'Budget passes (edited)', url: `${PUBLISHER}/news/budget`, commentsOpen: false },
      { token: admin.token },
    );
    expect(closed.status).toBe(200);
    await t.http.get(frameUrl({ articleId: 'lazy-1', origin: PUBLISHER, title: 'Something else', url: `${PUBLISHER}/other` }));
    expect((await article('lazy-1')).body).toMatchObject({ title: 'Budget passes (edited)', url: `${PUBLISHER}/news/budget`, commentsOpen: false });
  });

  it.each<[string, Record<string, string>]>([
    ['a site not allowed to embed', { origin: 'https://evil.example', url: 'https://evil.example/news/1' }],
    ['a URL on another site than the page', { origin: PUBLISHER, url: 'https://evil.example/news/1' }],
    ['a URL that is not http(s)', { origin: PUBLISHER, url: 'javascript:alert(1)' }],
    ['no title', { origin: PUBLISHER, url: `${PUBLISHER}/news/1`, title: '' }],
  ])('creates nothing for %s', async (_, params) => {
    const id = `lazy-refused-${Math.random().toString(36).slice(2, 8)}`;
    await t.http.get(frameUrl({ articleId: id, title: 'A title', ...params }));
    expect((await article(id)).status).toBe(404);
  });

  it('creates nothing for an article id the contract does not allow', async () => {
    const tooLong = 'x'.repeat(129);
    const load = await t.http.get(frameUrl({ articleId: tooLong, origin: PUBLISHER, title: 'A title', url: `${PUBLISHER}/news/1` }));
    expect(load.status).toBe(400);
    expect((await t.http.get(`/api/v1/articles/${tooLong.slice(0, 128)}`)).status).toBe(404);
  });

  it('logs a refused embedding at warn level with the origin', async () => {
    await t.http.get(
      frameUrl({ articleId: 'lazy-logged', origin: 'https://not-a-publisher.example', title: 'A title', url: 'https://not-a-publisher.example/a' }),
    );
    expect(logLines).toContainEqual(expect.objectContaining({ level: 40, origin: 'https://not-a-publisher.example', msg: expect.stringContaining('refused') }));
  });
});

describe('articles without AUTO_CREATE_ARTICLES (the default)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { ALLOWED_ORIGINS: PUBLISHER } });
  });
  afterAll(() => t.close());

  it('registers nothing on a widget load: an admin registers every article', async () => {
    expect((await t.http.get(frameUrl({ articleId: 'not-lazy', origin: PUBLISHER, title: 'A title', url: `${PUBLISHER}/a` }))).status).toBe(200);
    expect((await t.http.get('/api/v1/articles/not-lazy')).status).toBe(404);
  });
});
