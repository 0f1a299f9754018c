import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { anArticle } from '../factories/articles.js';
import { aComment } from '../factories/comments.js';
import { anSsoToken, aUser, type LoggedInUser } from '../factories/users.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { launchBrowser, widgetFrame } from './browser.js';
import { publisherArticle, type PublisherSite, startPublisherSite } from './publisher-site.js';

describe('the widget under an article in memorial mode, or closed for a reason', () => {
  let t: TestApp;
  let browser: Browser;
  let publisher: PublisherSite;
  let admin: LoggedInUser;
  let moderator: LoggedInUser;
  let articleCount = 0;

  beforeAll(async () => {
    publisher = await startPublisherSite();
    t = await startTestApp({ env: { ALLOWED_ORIGINS: publisher.origin } });
    browser = await launchBrowser();
    [admin, moderator] = await Promise.all([aUser(t.http, { role: 'admin' }), aUser(t.http, { role: 'moderator' })]);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await publisher?.close();
  });

  /** An article with one published comment, embedded for a reader logged in by SSO. */
  async function embed(lang: 'ko' | 'en', settings: { memorial?: boolean; commentsOpen?: boolean }): Promise<void> {
    const id = `memorial-article-${++articleCount}`;
    await anArticle(t.http, admin.token, { id });
    const comment = await aComment(t.http, (await aUser(t.http)).token, id, { body: 'Condolences to the family.' });
    expect(comment.status).toBe('published');
    await anArticle(t.http, admin.token, { id, ...settings });
    publisher.setArticlePage(publisherArticle({ appUrl: t.baseUrl, articleId: id, lang, attributes: { 'data-sso-token': await anSsoToken() } }));
  }

  it.each([
    ['ko', '추모 기사입니다. 댓글은 검토 후 게시되며, 공감과 답글은 사용할 수 없습니다'],
    ['en', 'In memory. Comments appear once a moderator has reviewed them; likes and replies are off'],
  ] as const)(
    'shows the memorial notice in %s, and no like or reply buttons, to a logged-in reader',
    async (lang, notice) => {
      await embed(lang, { memorial: true });
      const page = await browser.newPage();
      await page.goto(`${publisher.origin}/article`);
      const frame = await widgetFrame(page);
      await frame.locator('.comment').first().waitFor();
      await frame.locator('textarea').waitFor();
      expect((await frame.locator('.review-notice.memorial').innerText()).trim()).toBe(notice);
      expect(await frame.locator('.comment button.like').count()).toBe(0);
      expect(await frame.locator('.comment button', { hasText: lang === 'ko' ? '답글' : 'Reply' }).count()).toBe(0);

      await frame.locator('textarea').fill(lang === 'ko' ? '삼가 고인의 명복을 빕니다.' : 'Rest in peace.');
      await frame.getByRole('button', { name: lang === 'ko' ? '등록' : 'Post', exact: true }).click();
      await frame.locator('.comment .badge').first().waitFor();
      const pending = await t.http.get('/api/v1/moderation/queues/pending?limit=100', { token: moderator.token });
      expect(pending.body.items.map((item: { comment: { body: string } }) => item.comment.body)).toContain(
        lang === 'ko' ? '삼가 고인의 명복을 빕니다.' : 'Rest in peace.',
      );
      await page.close();
    },
    30_000,
  );

  it('shows likes and replies again once memorial mode is off', async () => {
    await embed('en', { memorial: false });
    const page = await browser.newPage();
    await page.goto(`${publisher.origin}/article`);
    const frame = await widgetFrame(page);
    await frame.locator('textarea').waitFor();
    expect(await frame.locator('.comment button.like').count()).toBe(1);
    expect(await frame.locator('.review-notice').count()).toBe(0);
    await page.close();
  }, 30_000);
});
