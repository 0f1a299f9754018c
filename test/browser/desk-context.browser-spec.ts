import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { aUser } from '../factories/users.js';
import type { HttpClient, RequestOptions } from '../helpers/http-client.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { launchBrowser, waitFor } from './browser.js';

const DAILY_COMMENT = 'On the daily site: a comment that waits for review.';
const EVENING_COMMENT = 'On the evening edition: a comment that waits for review.';

const on = (site: string, options: RequestOptions = {}): RequestOptions => ({ ...options, headers: { ...options.headers, 'x-comment-site': site } });

async function heldComment(http: HttpClient, site: string | null, articleId: string, body: string): Promise<void> {
  const options = (token: string) => (site ? on(site, { token }) : { token });
  const login = await http.post('/api/v1/auth/dev', { name: `writer on ${site ?? 'default'}` }, site ? on(site) : {});
  const admin = await http.post('/api/v1/auth/dev', { name: `admin on ${site ?? 'default'}`, role: 'admin' }, site ? on(site) : {});
  const article = { title: `Premoderated on ${site ?? 'default'}`, url: `https://news.example.com/${articleId}`, section: 'culture', premoderation: true };
  expect((await http.put(`/api/v1/articles/${articleId}`, article, options(admin.body.accessToken))).status).toBe(200);
  const posted = await http.post(`/api/v1/articles/${articleId}/comments`, { body, parentId: null }, options(login.body.accessToken));
  expect(posted.body.comment.status).toBe('pending');
}

describe('what the desk shows around an item, in Chromium: its site, its article’s policy, the comment it answers', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    const operator = await aUser(t.http, { role: 'operator', name: 'Ops Lee' });
    expect((await t.http.post('/api/v1/sites', { id: 'evening', name: 'The Evening Edition' }, { token: operator.token })).status).toBe(201);
    await heldComment(t.http, null, 'daily-arts-1', DAILY_COMMENT);
    await heldComment(t.http, 'evening', 'evening-arts-1', EVENING_COMMENT);
    // The evening edition's culture section refuses links: the article's policy says so, and where it comes from.
    const eveningAdmin = await t.http.post('/api/v1/auth/dev', { name: 'admin on evening', role: 'admin' }, on('evening'));
    const section = await t.http.put(
      '/api/v1/policy/sections/culture',
      { overrides: { links: 'reject' } },
      on('evening', { token: eveningAdmin.body.accessToken }),
    );
    expect(section.status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("lets an operator pick the site the desk and the console work on, and shows an item's article policy with the layer of each setting", async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const streams: (string | undefined)[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v1/moderation/events')) streams.push(request.headers()['x-comment-site']);
    });
    await page.goto(`${t.baseUrl}/moderate?lang=en`);
    await page.getByRole('button', { name: 'Demo login' }).click();
    await page.getByLabel('Display name').fill('Ops Lee');
    await page.getByLabel('Role').selectOption({ label: 'The account’s own role' });
    await page.keyboard.press('Enter');
    const card = (text: string) => page.locator('.card', { hasText: text });
    await card(DAILY_COMMENT).waitFor();
    expect(await page.locator('.account').innerText()).toContain('Ops Lee (Operator)');

    const site = page.getByLabel('Site', { exact: true });
    expect(await site.inputValue()).toBe('default');
    await site.focus();
    await site.selectOption('evening');
    await card(EVENING_COMMENT).waitFor();
    expect(await card(DAILY_COMMENT).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('site')).toBe('evening');
    await waitFor('the live stream to follow the site', () => streams.includes('evening'));
    // The way to the console keeps the language; an operator picks the site there again.
    expect(await page.getByRole('link', { name: 'Admin console' }).getAttribute('href')).toBe('/moderate/admin?lang=en');

    const policy = card(EVENING_COMMENT).locator('.article-policy');
    await policy.locator('summary').focus();
    await page.keyboard.press('Enter');
    const rows = policy.locator('tr');
    await rows.first().waitFor();
    const settings = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent)));
    expect(settings).toEqual(
      expect.arrayContaining([
        ['Premoderation', 'on', 'article'],
        ['Links', 'reject', 'section'],
      ]),
    );
    expect(await policy.innerText()).toContain('section culture');

    // Back on the default site, its own queue again.
    await site.selectOption('default');
    await card(DAILY_COMMENT).waitFor();
    expect(await card(EVENING_COMMENT).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('site')).toBeNull();

    // The console follows the operator's pick too (operators log in on the default site).
    await page.goto(`${t.baseUrl}/moderate/admin?lang=en`);
    await page.getByRole('button', { name: 'Demo login' }).click();
    await page.getByLabel('Display name').fill('Ops Lee');
    await page.getByLabel('Role').selectOption({ label: 'The account’s own role' });
    await page.keyboard.press('Enter');
    const article = (id: string) => page.locator(`.article-row[data-article-id="${id}"]`);
    await article('daily-arts-1').waitFor();
    expect(await article('evening-arts-1').count()).toBe(0);
    await page.getByLabel('Site', { exact: true }).selectOption('evening');
    await article('evening-arts-1').waitFor();
    expect(await article('daily-arts-1').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('site')).toBe('evening');
    await context.close();
  }, 30_000);

  it('quotes the comment a held reply answers above the reply', async () => {
    const admin = await aUser(t.http, { role: 'admin' });
    const article = await t.http.put('/api/v1/articles/daily-open-1', { title: 'Open thread', url: 'https://news.example.com/open-1' }, { token: admin.token });
    expect(article.status).toBe(200);
    const first = await aUser(t.http, { name: 'Han Ji-min' });
    const parent = await t.http.post(
      '/api/v1/articles/daily-open-1/comments',
      { body: 'Does anyone know when the hall reopens?', parentId: null },
      { token: first.token },
    );
    expect(parent.body.comment.status).toBe('published');
    const second = await aUser(t.http, { name: 'Bae Su-ji' });
    const reply = await t.http.post(
      '/api/v1/articles/daily-open-1/comments',
      { body: 'Call the box office on 010-4444-5555.', parentId: parent.body.comment.id },
      { token: second.token },
    );
    expect(reply.body.comment.status).toBe('pending');

    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${t.baseUrl}/moderate?lang=en&articleId=daily-open-1`);
    await page.getByRole('button', { name: 'Demo login' }).click();
    await page.getByLabel('Display name').fill('Moderator Yoo');
    await page.getByLabel('Role').selectOption('moderator');
    await page.keyboard.press('Enter');
    const item = page.locator('.card', { hasText: '010-4444-5555' });
    await item.waitFor();
    expect(await item.locator('.parent').innerText()).toBe('In reply to Han Ji-min: Does anyone know when the hall reopens?');
    await context.close();
  }, 30_000);
});
