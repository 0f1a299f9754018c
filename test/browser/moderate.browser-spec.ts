import { copyFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { anArticle } from '../factories/articles.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import type { HttpClient } from '../helpers/http-client.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { artifactPath, launchBrowser, waitFor } from './browser.js';

/** Held by the default policy (personal.phone); the reason's match text is masked, its offsets are not. */
const PHONE_COMMENT = '제보는 010-1234-5678 으로 주세요';
const PHONE = '010-1234-5678';
/** Held too (personal.email), posted while the page is open. */
const EMAIL_COMMENT = 'Write to the desk at kim.reporter@example.com if you saw it.';
const EMAIL = 'kim.reporter@example.com';

async function postComment(http: HttpClient, token: string, articleId: string, body: string): Promise<{ id: string; status: string; createdAt: string }> {
  const response = await http.post(`/api/v1/articles/${articleId}/comments`, { body, parentId: null }, { token });
  if (response.status !== 201) throw new Error(`posting failed: ${response.status} ${response.text}`);
  return response.body.comment;
}

describe('the moderator page in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: LoggedInUser;
  let reader: LoggedInUser;
  let articleId: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    admin = await aUser(t.http, { role: 'admin' });
    reader = await aUser(t.http, { name: 'Park Reader' });
    articleId = (await anArticle(t.http, admin.token, { title: 'Seoul weighs its answer to the troop dispatch', section: 'national' })).id;
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const card = (text: string) => page.locator('.card', { hasText: text });
  const pendingCount = () => page.locator('#tab-pending .count').textContent();

  /** A fresh page with a moderator logged in through the demo login. */
  async function moderatorPage(path: string, name: string, prepare?: (context: BrowserContext) => Promise<unknown>): Promise<void> {
    context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    await prepare?.(context);
    page = await context.newPage();
    await page.goto(`${t.baseUrl}${path}`);
    await page.getByRole('button', { name: 'Demo login' }).click();
    await page.getByLabel('Display name').fill(name);
    await page.getByLabel('Role').selectOption('moderator');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.locator('.desk').waitFor();
  }

  it('logs a moderator in, marks the matched phone number, and approves the comment with the keyboard into the public list', async () => {
    const held = await postComment(t.http, reader.token, articleId, PHONE_COMMENT);
    expect(held.status).toBe('pending');

    await moderatorPage('/moderate?lang=en', 'Moderator Han');

    const item = card(PHONE_COMMENT);
    await item.waitFor();
    // The match's own text is masked by the policy; the marked span is the body's, by offsets.
    expect(await item.locator('.body mark').allTextContents()).toEqual([PHONE]);
    expect(await item.locator('.body').textContent()).toBe(PHONE_COMMENT);
    const reason = await item.locator('.reason').innerText();
    expect(reason).toContain('personal.phone');
    expect(reason).toContain('Standards Board Policy 3.1');
    expect(await item.locator('.article-line').innerText()).toContain('Seoul weighs its answer to the troop dispatch');
    expect(await item.locator('.author-line').innerText()).toMatch(/0 approved · 0 rejected/);
    expect(await pendingCount()).toBe('1');
    await page.locator('.live-live').waitFor();

    await page.keyboard.press('j');
    await waitFor('the item to be current and focused', () =>
      item.locator('xpath=self::article[@aria-current="true"]').evaluate((el) => el === document.activeElement),
    );
    await waitFor('the current item to be announced', async () =>
      (await page.locator('.desk > [aria-live]').textContent())?.includes('Comment 1 of 1, by Park Reader'),
    );
    await page.keyboard.press('a');
    await item.waitFor({ state: 'detached' });
    await page.locator('.status-line', { hasText: 'Approved the comment by Park Reader.' }).waitFor();
    await waitFor('the pending count to drop', async () => (await pendingCount()) === '0');

    const listed = await t.http.get(`/api/v1/articles/${articleId}/comments`);
    expect(listed.body.comments).toEqual([expect.objectContaining({ id: held.id, body: PHONE_COMMENT, status: 'published' })]);
    // The token stays in the page's memory.
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, '']);
  }, 20_000);

  it('shows a comment the policy holds while the page is open, without a reload', async () => {
    await page.locator('.empty', { hasText: 'Nothing waits here.' }).waitFor();
    const arrived = await postComment(t.http, (await aUser(t.http, { name: 'Choi Ha-eun' })).token, articleId, EMAIL_COMMENT);
    expect(arrived.status).toBe('pending');

    const item = card(EMAIL_COMMENT);
    await item.waitFor({ timeout: 10_000 });
    expect(await item.locator('.badge-new').count()).toBe(1);
    expect(await item.locator('.body mark').allTextContents()).toEqual([EMAIL]);
    await waitFor('the pending count to rise', async () => (await pendingCount()) === '1');

    // Another moderator opens it elsewhere: this page shows who is looking, also live.
    const colleague = await aUser(t.http, { role: 'moderator', name: 'Moderator Lee' });
    expect((await t.http.post(`/api/v1/moderation/comments/${arrived.id}/claim`, undefined, { token: colleague.token })).status).toBe(200);
    await item.locator('.claim', { hasText: 'Moderator Lee is looking at this' }).waitFor();

    // One more for the picture in docs/, the current one.
    await postComment(t.http, (await aUser(t.http, { name: '김민준' })).token, articleId, '이 기사 쓴 기자 연락처 010-9876-5432 아는 분?');
    await card('010-9876-5432').waitFor();
    await waitFor('the pending count to rise', async () => (await pendingCount()) === '2');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    const second = card('010-9876-5432').locator('xpath=self::article[@aria-current="true"]');
    await waitFor('focus to follow two quick presses of j', () => second.evaluate((el) => el === document.activeElement));
    const screenshot = await artifactPath('moderate-page.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    // `MODERATE_SCREENSHOT=docs/moderate-page.png` refreshes the README's picture from this run.
    if (process.env.MODERATE_SCREENSHOT) await copyFile(screenshot, process.env.MODERATE_SCREENSHOT);
    await context.close();
  }, 20_000);

  it('reconnects when the live stream drops, and catches up on what arrived while it was away', async () => {
    let attempts = 0;
    let dropFirstStream!: () => void;
    const dropped = new Promise<void>((resolve) => (dropFirstStream = resolve));
    await moderatorPage('/moderate?lang=en', 'Moderator Baek', (c) =>
      c.route('**/api/v1/moderation/events', async (route) => {
        if (++attempts > 1) return route.continue();
        await dropped;
        return route.abort('connectionreset');
      }),
    );
    await page.locator('.card').first().waitFor();
    expect(await page.locator('.live-live').count()).toBe(0);
    // Posted while the page hears nothing: only the resync after reconnecting can bring it.
    const missed = await postComment(t.http, (await aUser(t.http, { name: 'Late Writer' })).token, articleId, 'Call me on 010-5555-6666 after the vote.');
    expect(missed.status).toBe('pending');
    dropFirstStream();
    await page.locator('.live-reconnecting').waitFor();
    await page.locator('.live-live').waitFor({ timeout: 10_000 });
    await card('010-5555-6666').waitFor();
    expect(attempts).toBe(2);
    await context.close();
  }, 15_000);

  it('tells a reader who logs in through a provider popup that the desk is for moderators only', async () => {
    const readerContext = await browser.newContext();
    // A stand-in provider whose "callback page" on the service's origin hands the reader's session over.
    await readerContext.route(`${t.baseUrl}/api/v1/auth/providers`, (route) =>
      route.fulfill({ json: { providers: [{ id: 'test-oidc', name: 'Test OIDC', kind: 'oidc', loginUrl: '/api/v1/auth/test-oidc' }] } }),
    );
    await readerContext.route(`${t.baseUrl}/api/v1/auth/test-oidc*`, (route) => {
      const origin = new URL(route.request().url()).searchParams.get('origin');
      const message = { type: 'comment-desk:login', accessToken: reader.token, expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: reader.user };
      return route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>Login</title><script>window.opener.postMessage(${JSON.stringify(message)}, ${JSON.stringify(origin)}); window.close();</script>`,
      });
    });
    const readerPage = await readerContext.newPage();
    await readerPage.goto(`${t.baseUrl}/moderate?lang=ko`);
    await readerPage.getByRole('heading', { name: '운영진 로그인' }).waitFor();
    await readerPage.getByRole('button', { name: 'Test OIDC' }).click();

    await readerPage.getByRole('heading', { name: '운영진 전용' }).waitFor();
    expect(await readerPage.locator('.refused [role="alert"]').textContent()).toContain('Park Reader');
    expect(await readerPage.locator('.desk').count()).toBe(0);
    await readerContext.close();
  }, 15_000);

  it('decides as one of a team: a decision made elsewhere first, r + Enter, bulk approval and a ban that rejects the rest', async () => {
    const article = await anArticle(t.http, admin.token, { premoderation: true });
    const writer = async (name: string) => (await aUser(t.http, { name })).token;
    const first = await postComment(t.http, await writer('Lim Ye-jin'), article.id, 'First, decided elsewhere before I get to it.');
    const second = await postComment(t.http, await writer('Oh Se-hun'), article.id, 'Second, rejected with the default reason.');
    const third = await postComment(
      t.http,
      await writer('Yoon Ji-ho'),
      article.id,
      'Third, approved in bulk <b>as text</b> <img src=x onerror="window.injected=1">',
    );
    const fourth = await postComment(t.http, await writer('Jang Min-seo'), article.id, 'Fourth, approved in bulk too.');
    const spammer = await writer('Spam Account');
    const spam = [
      // The emoji before the address makes its UTF-16 offsets differ from code points.
      await postComment(t.http, spammer, article.id, 'Cheap watches 💰 mail sales@watches.example'),
      await postComment(t.http, spammer, article.id, 'Cheap watches again, ask me how!'),
    ];
    // Live updates would take the first item away before the click: without them the page learns by the 409.
    await moderatorPage(`/moderate?lang=en&articleId=${article.id}`, 'Moderator Seo', (c) => c.route('**/api/v1/moderation/events', (route) => route.abort()));
    await card('Cheap watches again').waitFor();
    expect(await page.locator('.card').count()).toBe(6);
    // The e-mail's mark (the classifier marks the spam's words too).
    expect(await card('Cheap watches 💰').locator('.body mark[data-rules~="personal.email"]').allTextContents()).toEqual(['sales@watches.example']);

    const colleague = await aUser(t.http, { role: 'moderator' });
    expect(
      (await t.http.post(`/api/v1/moderation/comments/${first.id}/decision`, { action: 'reject', reason: 'spam' }, { token: colleague.token })).status,
    ).toBe(200);
    await card('First, decided elsewhere').getByRole('button', { name: 'Approve' }).click();
    await page.locator('.status-line', { hasText: 'Another moderator already decided this comment.' }).waitFor();
    await card('First, decided elsewhere').waitFor({ state: 'detached' });

    await page.keyboard.press('j');
    await page.keyboard.press('r');
    await page.getByRole('button', { name: 'Reject', exact: true }).waitFor();
    await page.keyboard.press('Enter');
    await card('Second, rejected').waitFor({ state: 'detached' });
    const log = await t.http.get(`/api/v1/moderation/log?commentId=${second.id}`, { token: admin.token });
    expect(log.body.entries).toEqual([expect.objectContaining({ action: 'reject', reason: 'policy violation' })]);

    // Focus moved on to the third; x selects it, j and x the fourth.
    await card('Third, approved').locator('xpath=self::article[@aria-current="true"]').waitFor();
    expect(await card('Third, approved').locator('.body').textContent()).toContain('<img src=x onerror=');
    expect(await page.locator('.body b, .body img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { injected?: number }).injected)).toBeUndefined();
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.getByRole('region', { name: '2 selected' }).getByRole('button', { name: 'Approve selected' }).click();
    await page.locator('.status-line', { hasText: '2 decided.' }).waitFor();
    const published = (await t.http.get(`/api/v1/articles/${article.id}/comments`)).body.comments.map((c: { id: string }) => c.id);
    expect(published.sort()).toEqual([third.id, fourth.id].sort());

    await card('Cheap watches 💰').locator('.body').click();
    await page.keyboard.press('b');
    await page.getByLabel('1 day').check();
    await page.getByLabel('Reason (for the log)').fill('advertising run');
    await page.getByLabel('Also reject their pending comments').check();
    await page.getByRole('button', { name: 'Ban', exact: true }).click();
    await page.locator('.status-line', { hasText: 'Spam Account may not write until' }).waitFor();
    await page.locator('.empty').waitFor();
    const rejected = await t.http.get(`/api/v1/moderation/queues/rejected?articleId=${article.id}`, { token: admin.token });
    expect(rejected.body.items.map((i: { comment: { id: string } }) => i.comment.id)).toEqual(expect.arrayContaining(spam.map((c) => c.id)));
    await context.close();
  }, 20_000);

  it("shows an edited comment's earlier texts, oldest first, under its current text with the match marked, and the author's trust", async () => {
    const article = await anArticle(t.http, admin.token);
    const author = await aUser(t.http, { name: 'Kwon Editor' });
    const first = 'Call the newsroom if you know more <img src=x onerror="window.injected=1">';
    const second = 'Call the desk on 010-2222-3333 if you know more.';
    const current = 'Call me on 010-1234-5678 if you know more.';
    const comment = await postComment(t.http, author.token, article.id, first);
    for (const body of [second, current]) {
      expect((await t.http.patch(`/api/v1/comments/${comment.id}`, { body }, { token: author.token })).status).toBe(200);
    }
    await moderatorPage(`/moderate?lang=en&articleId=${article.id}`, 'Moderator Ahn');
    context.setDefaultTimeout(5_000);

    const item = card(current);
    await item.waitFor();
    expect(await item.locator('.body').textContent()).toBe(current);
    expect(await item.locator('.body mark').allTextContents()).toEqual([PHONE]);
    expect(await item.locator('.card-head .badge-edited').textContent()).toBe('edited');
    // A reader's first comments: the policy's "new" account.
    expect(await item.locator('.author-line .badge-trust').textContent()).toBe('new account');

    const history = item.locator('details.history');
    const summary = history.locator('summary');
    expect(await summary.textContent()).toBe('Edited 2 times: the earlier texts');
    expect(await history.getByText(first).isVisible()).toBe(false);
    await summary.focus();
    await page.keyboard.press('Enter');
    await history.getByText(first).waitFor();
    const revisions = history.getByRole('list', { name: 'Edit history, oldest first' }).getByRole('listitem');
    expect(await revisions.locator('.revision-body').allTextContents()).toEqual([first, second, current]);
    expect(await revisions.last().innerText()).toMatch(/^now: written /);
    expect(await revisions.first().locator('time').getAttribute('datetime')).toBe(comment.createdAt);
    // Earlier texts are text too, never markup.
    expect(await history.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { injected?: number }).injected)).toBeUndefined();
    await context.close();
  }, 20_000);

  it('sets an author to watched from the desk, by keyboard, after showing a refusal: their next comment is held with account.watched', async () => {
    const article = await anArticle(t.http, admin.token);
    const author = await aUser(t.http, { name: 'Shin Watched' });
    await postComment(t.http, author.token, article.id, 'My number is 010-4444-5555, call about the flood.');
    await moderatorPage(`/moderate?lang=en&articleId=${article.id}`, 'Moderator Jeon');
    context.setDefaultTimeout(5_000);
    const item = card('010-4444-5555');
    await item.waitFor();
    await page.locator('.live-live').waitFor();

    // The first attempt is refused by the service: the desk's words for the code, in the form.
    let refusals = 0;
    await page.route('**/api/v1/moderation/users/*/trust', (route) =>
      refusals++ === 0 ? route.fulfill({ status: 403, json: { error: { code: 'FORBIDDEN', message: 'no', details: {} } } }) : route.continue(),
    );
    await item.getByRole('button', { name: 'Trust…' }).click();
    const form = page.getByRole('form', { name: 'Trust in Shin Watched' });
    expect(await form.getByRole('radio', { name: 'new account' }).isChecked()).toBe(true);
    expect(await form.getByRole('button', { name: 'Set trust' }).isDisabled()).toBe(true);
    await form.getByRole('radio', { name: 'watched' }).check();
    expect(await form.locator('.trust-meaning').textContent()).toBe('Every comment waits for review.');
    await form.getByRole('button', { name: 'Set trust' }).click();
    expect(await form.getByRole('alert').textContent()).toBe('Your role does not allow this.');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });

    // Again by keyboard: t opens the form on the current item with its trust chosen and focused.
    await page.keyboard.press('j');
    await page.keyboard.press('t');
    const newRadio = form.getByRole('radio', { name: 'new account' });
    await waitFor('the trust now held to be focused', () => newRadio.evaluate((el) => el === document.activeElement));
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowDown');
    expect(await form.getByRole('radio', { name: 'watched' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('asks readers to call');
    await page.keyboard.press('Enter');
    await page.locator('.status-line', { hasText: 'Shin Watched is now watched.' }).waitFor();
    await form.waitFor({ state: 'detached' });
    await item.locator('.author-line .badge-trust', { hasText: 'watched' }).waitFor();
    expect(refusals).toBe(2);

    const next = await t.http.post(`/api/v1/articles/${article.id}/comments`, { body: 'A calm remark about the flood barriers.' }, { token: author.token });
    expect(next.body.comment.status).toBe('pending');
    expect(next.body.verdict.reasons.map((reason: { rule: string }) => reason.rule)).toEqual(['account.watched']);
    await card('A calm remark about the flood barriers.').locator('.reason', { hasText: 'account.watched' }).waitFor();
    const log = await t.http.get(`/api/v1/moderation/log?userId=${author.user.id}`, { token: admin.token });
    expect(log.body.entries).toEqual([
      expect.objectContaining({ action: 'trust_change', reason: 'asks readers to call', details: { from: 'new', to: 'watched' } }),
    ]);
    await context.close();
  }, 20_000);

  it('shows why the abuse classifier held a comment no word list names: its score, and the words that raised it marked', async () => {
    const mockery = '못생긴 게 나대기는';
    const held = await postComment(t.http, reader.token, articleId, mockery);
    expect(held.status).toBe('pending');

    await moderatorPage('/moderate?lang=en', 'Moderator Cho');
    const item = card(mockery);
    await item.waitFor();
    const marked = await item.locator('.body mark').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    for (const text of marked) expect(mockery).toContain(text);
    const reason = await item.locator('.reason', { hasText: 'classifier.abuse' }).innerText();
    expect(reason).toMatch(/score 0\.\d\d/);
    expect(reason).toContain('Standards Board Policy 2.2');
    await context.close();
    // Leave the queue as the other tests expect it.
    const moderator = await aUser(t.http, { role: 'moderator' });
    await t.http.post(`/api/v1/moderation/comments/${held.id}/decision`, { action: 'reject', reason: 'mockery' }, { token: moderator.token });
  });
});
