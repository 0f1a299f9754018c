import { copyFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Frame, Page } from 'playwright-core';
import { DEMO_ARTICLE } from '@/modules/embed/demo-article.js';
import { countGraphemes, normalizeCommentBody } from '@/modules/comments/text/comment-text.js';
import { anArticle } from '../factories/articles.js';
import { aComment } from '../factories/comments.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { artifactPath, frameFit, launchBrowser, waitFor, widgetFrame } from './browser.js';

describe('the demo article page in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: LoggedInUser;
  let page: Page;

  beforeAll(async () => {
    // The demo page is the service's own: the frame is allowed there as 'self', whatever ALLOWED_ORIGINS says.
    t = await startTestApp({ env: { ALLOWED_ORIGINS: 'https://news.example.com' } });
    browser = await launchBrowser();
    admin = await aUser(t.http, { role: 'admin' });
    await anArticle(t.http, admin.token, { id: DEMO_ARTICLE.id, title: DEMO_ARTICLE.title, url: `${t.baseUrl}/` });
    const [first, second, third] = [
      await aUser(t.http, { name: 'Lee Seo-yeon' }),
      await aUser(t.http, { name: '박준호' }),
      await aUser(t.http, { name: 'Choi Ha-eun' }),
    ];
    const thread = await aComment(t.http, first.token, DEMO_ARTICLE.id, { body: 'A clear account of what the deployment could mean for Seoul. Thank you.' });
    await aComment(t.http, second.token, DEMO_ARTICLE.id, { body: '북한군 파병이 한반도 안보에 어떤 영향을 줄지 걱정됩니다.\n좋은 기사 감사합니다.' });
    await aComment(t.http, third.token, DEMO_ARTICLE.id, { body: 'Agreed, and the timeline at the end helps.', parentId: thread.id });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const composeArea = (frame: Frame) => frame.locator('.compose-area');
  const counterText = (frame: Frame) => frame.locator('.composer .counter').textContent();

  it('shows the demo article with its comments in a frame that fits them, without an inner scroll bar', async () => {
    page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(`${t.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: DEMO_ARTICLE.title }).waitFor();
    const frame = await widgetFrame(page);

    await frame.locator('.body', { hasText: '북한군 파병이 한반도 안보에' }).waitFor();
    await frame.locator('.body', { hasText: 'A clear account of what the deployment' }).waitFor();
    expect(await frame.locator('.comment-list > .comment').count()).toBe(2);
    // The count comes with the article, which loads beside the comments.
    await frame.locator('h2', { hasText: /\d+ comments/ }).waitFor();
    expect(await frame.locator('h2').textContent()).toBe('3 comments');
    // Before login the composer reads as on the newspaper's page.
    const before = await composeArea(frame).innerText();
    expect(before).toContain('To write comments, please log in to one of the accounts.');
    expect(before).toContain('Standards Board Policy (0/250자)');

    await frame.getByRole('button', { name: 'Show 1 reply' }).click();
    await frame.locator('.reply .body', { hasText: 'Agreed, and the timeline' }).waitFor();
    const fit = await waitFor('the iframe to fit its document', async () => {
      const size = await frameFit(page, frame);
      return size.iframeHeight > 200 && size.documentHeight <= size.iframeHeight + 2 && size;
    });
    expect(fit.iframeHeight).toBeGreaterThan(200);
  }, 30_000);

  it('logs in with the demo login, counts as the server does, stops at 251, posts, and captures the page', async () => {
    const frame = await widgetFrame(page);
    await frame.getByRole('button', { name: 'Demo login' }).click();
    await frame.getByLabel('Display name').fill('Kim Min-jun');
    await frame.getByRole('button', { name: 'Log in', exact: true }).click();
    await frame.locator('.account', { hasText: 'Logged in as Kim Min-jun' }).waitFor();

    const textarea = frame.getByLabel('Write a comment');
    const post = frame.getByRole('button', { name: 'Post', exact: true });
    expect(await post.isDisabled()).toBe(true);

    const samples = [
      '가족 👨‍👩‍👧‍👦 국기 🇰🇷🇺🇦 좋아요 👍🏽',
      '\u1112\u1161\u11ab\u1100\u1173\u11af 자모로 쓴 한글',
      '  \u202e거꾸로\u202c 쓴 글\ufeff\r\n둘째 줄  ',
      'e\u0301 cafe\u0301 👩🏽‍💻',
    ];
    for (const text of samples) {
      await textarea.fill(text);
      expect(await counterText(frame)).toBe(`${countGraphemes(normalizeCommentBody(text))}/250자`);
    }
    // The same rule on both sides could be wrong the same way: one count checked by hand.
    await textarea.fill('👨‍👩‍👧‍👦🇰🇷\u1112\u1161\u11ab');
    expect(await counterText(frame)).toBe('3/250자');

    await textarea.fill('가'.repeat(229) + '👍🏽');
    expect(await frame.locator('.composer .counter').getAttribute('class')).toContain('counter-warn');
    await textarea.fill('가'.repeat(249) + '👨‍👩‍👧‍👦');
    expect(await counterText(frame)).toBe('250/250자');
    expect(await post.isEnabled()).toBe(true);
    await textarea.fill('가'.repeat(249) + '👨‍👩‍👧‍👦🇰🇷');
    expect(await counterText(frame)).toBe('251/250자');
    expect(await frame.locator('.composer .counter').getAttribute('class')).toContain('counter-over');
    expect(await post.isDisabled()).toBe(true);
    await textarea.fill('   ');
    expect(await post.isDisabled()).toBe(true);

    const body = '북한군 파병 이후 정부의 대응을 차분하게 정리한 기사네요. 잘 읽었습니다.';
    await textarea.fill(body);
    await post.click();
    await frame.locator('.comment-list > .comment .body', { hasText: body }).waitFor();
    expect(await textarea.inputValue()).toBe('');
    expect(await counterText(frame)).toBe('0/250자');
    // Focus returns to the composer in an effect after posting: wait for it (a timeout fails the test).
    await frame.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA', undefined, { timeout: 3_000 });
    await frame.locator('h2', { hasText: '4 comments' }).waitFor();
    const listed = await t.http.get(`/api/v1/articles/${DEMO_ARTICLE.id}/comments`);
    expect(listed.body.comments[0]).toMatchObject({ body, author: { displayName: 'Kim Min-jun' }, status: 'published' });
    // The token stays in the frame's memory.
    expect(await frame.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, '']);

    await waitFor('the iframe to fit its document', async () => {
      const size = await frameFit(page, frame);
      return size.documentHeight <= size.iframeHeight + 2;
    });
    const screenshot = await artifactPath('demo-page.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    // `DEMO_SCREENSHOT=docs/demo-page.png` refreshes the README's picture from this run.
    if (process.env.DEMO_SCREENSHOT) await copyFile(screenshot, process.env.DEMO_SCREENSHOT);
    await page.close();
  }, 30_000);
});
