import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { anArticle } from '../factories/articles.js';
import { aComment } from '../factories/comments.js';
import { anSsoToken, aUser, type LoggedInUser } from '../factories/users.js';
import type { TestApp } from '../helpers/test-app.js';
import { widgetFrame } from './browser.js';
import { publisherArticle, type PublisherSite, startPublisherStage } from './publisher-site.js';

describe("the widget on a publisher's page on another origin", () => {
  let t: TestApp;
  let browser: Browser;
  let publisher: PublisherSite;
  let admin: LoggedInUser;
  let close: (() => Promise<void>) | undefined;
  let articleCount = 0;

  beforeAll(async () => {
    ({ t, browser, publisher, admin, close } = await startPublisherStage());
  }, 30_000);

  afterAll(() => close?.());

  /** A new article with one comment, embedded on the publisher's page. */
  async function embedNewArticle(page: { lang: string; attributes?: Record<string, string>; articleHeight?: number; commentsOpen?: boolean }): Promise<string> {
    const id = `publisher-article-${++articleCount}`;
    await anArticle(t.http, admin.token, { id });
    const author = await aUser(t.http, { name: '이서연' });
    await aComment(t.http, author.token, id, { body: '기사 잘 읽었습니다.' });
    if (page.commentsOpen === false) await anArticle(t.http, admin.token, { id, commentsOpen: false });
    publisher.setArticlePage(publisherArticle({ appUrl: t.baseUrl, articleId: id, ...page }));
    return id;
  }

  it('reads in Korean on a Korean page, out of reach of the page CSS', async () => {
    await embedNewArticle({ lang: 'ko' });
    const page = await browser.newPage();
    await page.goto(`${publisher.origin}/article`);
    const frame = await widgetFrame(page);
    const composer = await frame.locator('.compose-area').innerText();
    expect(composer).toContain('댓글을 작성하려면 계정 중 하나로 로그인하세요.');
    expect(composer).toContain('(0/250자)');
    expect(await frame.locator('h2').textContent()).toBe('댓글 1개');
    expect(await frame.locator('.login-prompt').evaluate((element) => getComputedStyle(element).borderStyle)).toBe('none');
    await page.close();
  }, 20_000);

  it("logs the publisher's reader in with the SSO token handed over by postMessage, never in a URL", async () => {
    const token = await anSsoToken({ name: '김지우' });
    await embedNewArticle({ lang: 'ko', attributes: { 'data-sso-token': token } });
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${publisher.origin}/article`);
    const frame = await widgetFrame(page);
    await frame.locator('.account', { hasText: '김지우' }).waitFor();
    expect(await frame.locator('.account').innerText()).toContain('로그인 계정: 김지우');
    expect(requested.filter((url) => url.includes(token))).toEqual([]);
    const frameSrc = await page.$eval('[data-comments] iframe', (iframe) => (iframe as HTMLIFrameElement).src);
    expect(new URL(frameSrc).searchParams.get('origin')).toBe(publisher.origin);

    await frame.getByLabel('댓글 쓰기').fill('발행사 계정으로 남기는 댓글입니다.');
    await frame.getByRole('button', { name: '등록', exact: true }).click();
    await frame.locator('.body', { hasText: '발행사 계정으로 남기는 댓글입니다.' }).waitFor();

    await frame.getByRole('button', { name: '로그아웃' }).click();
    await frame.locator('.login-prompt').waitFor();
    await page.close();
  }, 20_000);

  it('shows a held comment as awaiting review with the reason, and a refused one as a clear error', async () => {
    await embedNewArticle({ lang: 'en' });
    const page = await browser.newPage();
    await page.goto(`${publisher.origin}/article`);
    const frame = await widgetFrame(page);
    await frame.getByRole('button', { name: 'Demo login' }).click();
    await frame.getByLabel('Display name').fill('Han Ye-jin');
    await frame.getByRole('button', { name: 'Log in', exact: true }).click();
    const textarea = frame.getByLabel('Write a comment');

    await textarea.fill('Call me about this story at 010-1234-5678 please.');
    await frame.getByRole('button', { name: 'Post', exact: true }).click();
    const held = frame.locator('.comment', { hasText: '010-1234-5678' });
    await held.locator('.badge', { hasText: 'awaiting review' }).waitFor();
    expect(await held.locator('.held').innerText()).toContain('phone number');

    const refused = 'My card 4111 1111 1111 1111 was charged twice for this newspaper.';
    await textarea.fill(refused);
    await frame.getByRole('button', { name: 'Post', exact: true }).click();
    const error = frame.locator('.composer .notice-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('The Standards Board Policy does not allow this comment:');
    expect(await error.innerText()).toContain('card number');
    // The text stays, so the reader can change it.
    expect(await textarea.inputValue()).toBe(refused);
    expect(await frame.locator('.body', { hasText: '4111' }).count()).toBe(0);
    await page.close();
  }, 20_000);

  it("shows the reader's own held comment with the policy's reason on a later visit, and a rejected one with the moderator's", async () => {
    const articleId = await embedNewArticle({ lang: 'en' });
    const author = await aUser(t.http, { name: 'Oh Ji-ho' });
    await aComment(t.http, author.token, articleId, { body: 'Reach me at 010-2345-6789 about the story.' });
    const refused = await aComment(t.http, author.token, articleId, { body: 'Write to me at 010-9876-5432 instead.' });
    const decision = await t.http.post(
      `/api/v1/moderation/comments/${refused.id}/decision`,
      { action: 'reject', reason: 'personal information' },
      { token: admin.token },
    );
    expect(decision.status).toBe(200);

    const page = await browser.newPage();
    await page.goto(`${publisher.origin}/article`);
    const frame = await widgetFrame(page);
    await frame.getByRole('button', { name: 'Demo login' }).click();
    await frame.getByLabel('Display name').fill('Oh Ji-ho');
    await frame.getByRole('button', { name: 'Log in', exact: true }).click();

    const held = frame.locator('.comment', { hasText: '010-2345-6789' });
    await held.locator('.badge', { hasText: 'awaiting review' }).waitFor();
    expect(await held.locator('.held').innerText()).toContain('phone number');
    const rejected = frame.locator('.comment', { hasText: '010-9876-5432' });
    await rejected.locator('.badge', { hasText: 'not published' }).waitFor();
    expect(await rejected.locator('.moderator-reason').innerText()).toBe("The moderator's reason: personal information");
    await page.close();
  }, 20_000);

  it('likes, replies to (Ctrl+Enter), reports and deletes comments, moving focus to the new reply', async () => {
    const articleId = await embedNewArticle({ lang: 'en' });
    const page = await browser.newPage();
    await page.goto(`${publisher.origin}/article`);
    const frame = await widgetFrame(page);
    await frame.getByRole('button', { name: 'Demo login' }).click();
    await frame.getByLabel('Display name').fill('Jung Su-bin');
    await frame.getByLabel('Display name').press('Enter');
    await frame.locator('.account', { hasText: 'Logged in as Jung Su-bin' }).waitFor();
    const theirs = frame.locator('.comment-list > .comment', { hasText: '기사 잘 읽었습니다.' });

    const like = theirs.getByRole('button', { name: /Like/ }).first();
    await like.click();
    await theirs.locator('.like[aria-pressed="true"] .like-count', { hasText: '1' }).waitFor();

    await theirs.getByRole('button', { name: 'Reply', exact: true }).click();
    const replyBox = frame.getByLabel('Reply to 이서연');
    // Focus moves in an effect after the box renders: wait for it (a timeout fails the test).
    await frame.waitForFunction((element) => element === document.activeElement, await replyBox.elementHandle(), { timeout: 3_000 });
    await replyBox.fill('Thank you for the summary.');
    await replyBox.press('Control+Enter');
    await theirs.locator('.reply .body', { hasText: 'Thank you for the summary.' }).waitFor();
    await frame.waitForFunction(() => document.activeElement?.closest('.reply')?.textContent?.includes('Thank you for the summary.'), undefined, {
      timeout: 3_000,
    });
    expect(await theirs.getByRole('button', { name: 'Hide replies' }).getAttribute('aria-expanded')).toBe('true');

    await theirs.getByRole('button', { name: 'Report', exact: true }).first().click();
    await frame.getByRole('radio', { name: 'Off topic' }).check();
    await frame.getByRole('button', { name: 'Send report' }).click();
    await theirs.locator('.comment-notice', { hasText: 'A moderator will look at this comment.' }).first().waitFor();

    const mine = theirs.locator('.reply', { hasText: 'Thank you for the summary.' });
    await mine.getByRole('button', { name: 'Delete', exact: true }).click();
    await mine.getByRole('group', { name: 'Delete this comment?' }).getByRole('button', { name: 'Delete' }).click();
    await frame.locator('.reply', { hasText: 'Thank you for the summary.' }).waitFor({ state: 'detached' });

    const listed = await t.http.get(`/api/v1/articles/${articleId}/comments`);
    expect(listed.body.comments[0]).toMatchObject({ likeCount: 1, replyCount: 0 });
    await page.close();
  }, 20_000);

  it('loads only when the comments near the viewport', async () => {
    await embedNewArticle({ lang: 'en', articleHeight: 5000 });
    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    await page.goto(`${publisher.origin}/article`);
    await page.waitForFunction(() => document.querySelector('[data-comments-mounted]') !== null);
    expect(await page.locator('[data-comments] iframe').count()).toBe(0);
    await page.locator('[data-comments]').scrollIntoViewIfNeeded();
    const frame = await widgetFrame(page);
    await frame.locator('.body', { hasText: '기사 잘 읽었습니다.' }).waitFor();
    await page.close();
  }, 20_000);

  it('shows comments by others within 15 seconds, without a reload', async () => {
    const articleId = await embedNewArticle({ lang: 'en' });
    const context = await browser.newContext();
    await context.clock.install();
    const page = await context.newPage();
    await page.goto(`${publisher.origin}/article`);
    const frame = await widgetFrame(page);
    await frame.locator('.body', { hasText: '기사 잘 읽었습니다.' }).waitFor();

    const other = await aUser(t.http, { name: 'Yoon Do-hyun' });
    await aComment(t.http, other.token, articleId, { body: 'Posted while you were reading.' });
    await page.clock.fastForward(15_000);
    await frame.locator('.comment-list > .comment:first-child .body', { hasText: 'Posted while you were reading.' }).waitFor({ timeout: 5_000 });
    await frame.locator('h2', { hasText: '2 comments' }).waitFor();
    await context.close();
  }, 20_000);

  it('says comments are closed and offers no composer on a closed article', async () => {
    await embedNewArticle({ lang: 'en', commentsOpen: false });
    const page = await browser.newPage();
    await page.goto(`${publisher.origin}/article`);
    const frame = await widgetFrame(page);
    await frame.locator('.closed', { hasText: 'Comments are closed' }).waitFor();
    expect(await frame.locator('.compose-area').count()).toBe(0);
    await frame.locator('.body', { hasText: '기사 잘 읽었습니다.' }).waitFor();
    await page.close();
  }, 20_000);

  it('does not render on a page whose origin is not allowed', async () => {
    await embedNewArticle({ lang: 'en' });
    const page = await browser.newPage();
    const frameResponse = page.waitForResponse((response) => response.url().includes('/embed/frame?'));
    await page.goto(`${publisher.otherOrigin}/article`);
    expect((await frameResponse).status()).toBe(403);
    // The refused frame gives way to the loader's note: no widget, and no broken-frame box.
    await page.locator('[data-comments] .comment-desk-refused').waitFor();
    expect(await page.locator('[data-comments] iframe').count()).toBe(0);
    expect(page.frames().some((frame) => frame.url().includes('/embed/frame?'))).toBe(false);
    await page.close();
  }, 20_000);
});
