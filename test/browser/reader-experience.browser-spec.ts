import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { DEMO_CONVERSATION, seedConversation } from '@/modules/embed/demo-conversation.js';
import { anArticle } from '../factories/articles.js';
import { aComment } from '../factories/comments.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { copyFile } from 'node:fs/promises';
import { artifactPath, launchBrowser, waitFor, widgetFrame } from './browser.js';
import { publisherArticle, type PublisherSite, startPublisherSite } from './publisher-site.js';

/** Where the README finds the widget's pictures; the tests below take them. */
/** `WIDGET_SCREENSHOTS=1` refreshes the README's pictures in docs/ from this run. */
const DOCS = new URL('../../docs/', import.meta.url);

describe("the reader's and publisher's experience of the widget", () => {
  let t: TestApp;
  let browser: Browser;
  let publisher: PublisherSite;
  let admin: LoggedInUser;
  let moderator: LoggedInUser;
  let articles = 0;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    publisher = await startPublisherSite();
    t = await startTestApp({ env: { ALLOWED_ORIGINS: publisher.origin, AUTO_CREATE_ARTICLES: 'true' } });
    browser = await launchBrowser();
    admin = await aUser(t.http, { role: 'admin' });
    moderator = await aUser(t.http, { role: 'moderator' });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await publisher?.close();
  });

  /** A browser profile of its own (its own storage), closed with the browser. */
  async function aReaderBrowser(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
    const context = await browser.newContext(options);
    contexts.push(context);
    return context;
  }

  async function aRegisteredArticle(): Promise<string> {
    const id = `experience-${++articles}`;
    await anArticle(t.http, admin.token, { id, url: `${publisher.origin}/article` });
    return id;
  }

  function embed(articleId: string, lang: 'ko' | 'en', attributes: Record<string, string> = {}): void {
    publisher.setArticlePage(publisherArticle({ appUrl: t.baseUrl, articleId, lang, attributes }));
  }

  async function open(context: BrowserContext, origin = publisher.origin): Promise<{ page: Page; frame: Frame }> {
    const page = await context.newPage();
    await page.goto(`${origin}/article`);
    return { page, frame: await widgetFrame(page) };
  }

  async function demoLogin(frame: Frame, name: string, lang: 'ko' | 'en' = 'en'): Promise<void> {
    await frame.getByRole('button', { name: lang === 'ko' ? '데모 로그인' : 'Demo login' }).click();
    await frame.getByLabel(lang === 'ko' ? '표시 이름' : 'Display name').fill(name);
    await frame.getByRole('button', { name: lang === 'ko' ? '로그인' : 'Log in', exact: true }).click();
    await frame.locator('.account', { hasText: name }).waitFor();
  }

  /** The token the frame kept in this browser: its partitioned cookie, which only the service's own origin can read. */
  const keptToken = async (context: BrowserContext): Promise<string | null> =>
    (await context.cookies(t.baseUrl + '/api/v1/auth/session')).find((cookie) => cookie.name === 'comment_desk_kept_login')?.value ?? null;
  const meStatus = async (token: string) => (await t.http.get('/api/v1/me', { token })).status;

  it('keeps the reader logged in across a reload and in a second tab, and a logout there ends it everywhere', async () => {
    const articleId = await aRegisteredArticle();
    embed(articleId, 'en');
    const context = await aReaderBrowser();
    const first = await open(context);
    await demoLogin(first.frame, 'Yoon Ji-ho');
    const token = await waitFor('the kept login', () => keptToken(context));

    await first.page.reload();
    const reloaded = await widgetFrame(first.page);
    await reloaded.locator('.account', { hasText: 'Logged in as Yoon Ji-ho' }).waitFor();
    await reloaded.getByLabel('Write a comment').waitFor();
    // The publisher's page cannot trade the kept login for the token: the service answers its own pages only.
    const fromHostPage = await first.page.evaluate(async (url) => {
      const response = await fetch(url, { method: 'POST', credentials: 'include' }).catch(() => null);
      return response ? response.status : 'blocked';
    }, `${t.baseUrl}/api/v1/auth/session`);
    expect(['blocked', 403]).toContain(fromHostPage);

    const second = await open(context);
    await second.frame.locator('.account', { hasText: 'Logged in as Yoon Ji-ho' }).waitFor();
    await second.frame.getByRole('button', { name: 'Log out' }).click();
    await second.frame.locator('.login-prompt').waitFor();
    // The other tab hears of it at once, and the token is revoked at the service.
    await reloaded.locator('.login-prompt').waitFor({ timeout: 5_000 });
    expect(await meStatus(token)).toBe(401);

    await first.page.reload();
    const afterLogout = await widgetFrame(first.page);
    await afterLogout.locator('.login-prompt').waitFor();
    expect(await keptToken(context)).toBeNull();
  }, 40_000);

  it('renews the kept login halfway through its life, and the old token stops working', async () => {
    const articleId = await aRegisteredArticle();
    embed(articleId, 'en');
    const context = await aReaderBrowser();
    await context.clock.install();
    const { page, frame } = await open(context);
    await demoLogin(frame, 'Moon Chae-won');
    const first = await waitFor('the kept login', () => keptToken(context));

    // Access tokens live seven days here: four days on, the widget has renewed it.
    await page.clock.fastForward(96 * 3600_000);
    const renewed = await waitFor('a renewed token', async () => {
      const token = await keptToken(context);
      return token !== first && token;
    });
    expect(await meStatus(renewed)).toBe(200);
    expect(await meStatus(first)).toBe(401);
    await frame.locator('.account', { hasText: 'Logged in as Moon Chae-won' }).waitFor();
  }, 30_000);

  it("shows the reader's rejected comment with the moderator's reason after a reload, and a held one with its reasons after a new login", async () => {
    const articleId = await aRegisteredArticle();
    const author = await aUser(t.http, { name: 'Seo Yu-na' });
    const rejected = await aComment(t.http, author.token, articleId, { body: 'The minister should resign, and here is why.' });
    const decision = await t.http.post(
      `/api/v1/moderation/comments/${rejected.id}/decision`,
      { action: 'reject', reason: 'off topic' },
      { token: moderator.token },
    );
    expect(decision.status).toBe(200);
    embed(articleId, 'en');

    const context = await aReaderBrowser();
    const { page, frame } = await open(context);
    await demoLogin(frame, 'Seo Yu-na');
    await frame.getByLabel('Write a comment').fill('Call the newsroom at 010-3456-7890 to confirm.');
    await frame.getByRole('button', { name: 'Post', exact: true }).click();
    await frame.locator('.comment', { hasText: '010-3456-7890' }).locator('.badge', { hasText: 'awaiting review' }).waitFor();

    await page.reload();
    const reloaded = await widgetFrame(page);
    const rejectedItem = reloaded.locator('.comment', { hasText: 'The minister should resign' });
    await rejectedItem.locator('.badge', { hasText: 'not published' }).waitFor();
    expect(await rejectedItem.locator('.moderator-reason').innerText()).toBe("The moderator's reason: off topic");

    await reloaded.getByRole('button', { name: 'Log out' }).click();
    await reloaded.locator('.login-prompt').waitFor();
    // Logged out, the list is read again as anyone sees it: the held comment goes.
    await reloaded.locator('.comment', { hasText: '010-3456-7890' }).waitFor({ state: 'detached' });
    expect(await reloaded.locator('.comment', { hasText: '010-3456-7890' }).count()).toBe(0);
    await demoLogin(reloaded, 'Seo Yu-na');
    const held = reloaded.locator('.comment', { hasText: '010-3456-7890' });
    await held.locator('.badge', { hasText: 'awaiting review' }).waitFor();
    expect(await held.locator('.held').innerText()).toContain('phone number');
  }, 40_000);

  it('shows the same in Korean: the rejection with its reason, and the held comment with the policy reason', async () => {
    const articleId = await aRegisteredArticle();
    const author = await aUser(t.http, { name: '정하늘' });
    const rejected = await aComment(t.http, author.token, articleId, { body: '이 기사와 관계없는 이야기지만 적어 둡니다.' });
    await t.http.post(`/api/v1/moderation/comments/${rejected.id}/decision`, { action: 'reject', reason: '기사와 무관' }, { token: moderator.token });
    await aComment(t.http, author.token, articleId, { body: '제보는 010-4567-8901 로 연락 주세요.' });
    embed(articleId, 'ko');

    const { page, frame } = await open(await aReaderBrowser());
    await demoLogin(frame, '정하늘', 'ko');
    await page.reload();
    const reloaded = await widgetFrame(page);
    const rejectedItem = reloaded.locator('.comment', { hasText: '관계없는 이야기' });
    await rejectedItem.locator('.badge', { hasText: '게시되지 않음' }).waitFor();
    expect(await rejectedItem.locator('.moderator-reason').innerText()).toBe('운영진 사유: 기사와 무관');
    const held = reloaded.locator('.comment', { hasText: '010-4567-8901' });
    await held.locator('.badge', { hasText: '검토 중' }).waitFor();
    expect(await held.locator('.held').innerText()).toContain('전화번호');
    // As long as its English twin above may take: a fresh browser, a login and a reload.
  }, 40_000);

  it('registers an article on its first load from an allowed site, with the title and address the page gives', async () => {
    const id = `lazy-browser-${Date.now()}`;
    expect((await t.http.get(`/api/v1/articles/${id}`)).status).toBe(404);
    embed(id, 'en', { 'data-article-title': 'Council approves the new tram line', 'data-article-url': '/news/tram' });
    const { frame } = await open(await aReaderBrowser());
    await frame.locator('h2', { hasText: '0 comments' }).waitFor();
    await frame.locator('.login-prompt').waitFor();
    expect((await t.http.get(`/api/v1/articles/${id}`)).body).toMatchObject({
      id,
      title: 'Council approves the new tram line',
      url: `${publisher.origin}/news/tram`,
      commentsOpen: true,
    });
  }, 20_000);

  it("refuses a site not allowed to embed with a note in the page's language where the widget would be, and registers nothing", async () => {
    const id = `lazy-refused-${Date.now()}`;
    embed(id, 'ko', { 'data-article-title': '허용되지 않은 사이트' });
    const page = await (await aReaderBrowser()).newPage();
    await page.goto(`${publisher.otherOrigin}/article`);
    const note = page.locator('[data-comments] .comment-desk-refused');
    await note.waitFor({ timeout: 15_000 });
    expect(await note.innerText()).toBe('이 사이트는 댓글 서비스에 등록되어 있지 않아 댓글을 표시할 수 없습니다.');
    expect(await page.locator('[data-comments] iframe').count()).toBe(0);
    expect((await t.http.get(`/api/v1/articles/${id}`)).status).toBe(404);

    embed(id, 'en');
    await page.reload();
    await page
      .locator('[data-comments] .comment-desk-refused', { hasText: 'this site is not registered with the comment service' })
      .waitFor({ timeout: 15_000 });
  }, 30_000);

  it('badges a featured comment and lists it under Featured', async () => {
    const articleId = await aRegisteredArticle();
    const reader = await aUser(t.http, { name: 'Bae Min-seo' });
    const picked = await aComment(t.http, reader.token, articleId, { body: 'The photo essay on the tram line is superb.' });
    await aComment(t.http, reader.token, articleId, { body: 'When does construction start?' });
    expect((await t.http.put(`/api/v1/moderation/comments/${picked.id}/feature`, undefined, { token: moderator.token })).status).toBe(200);
    embed(articleId, 'en');

    const { frame } = await open(await aReaderBrowser());
    const pickedItem = frame.locator('.comment-list > .comment', { hasText: 'photo essay' });
    await pickedItem.locator('.badge-featured', { hasText: 'Featured' }).waitFor();
    expect(await frame.locator('.comment-list > .comment', { hasText: 'construction start' }).locator('.badge-featured').count()).toBe(0);

    await frame.getByLabel('Sort comments').selectOption('featured');
    await frame.locator('.feed[data-sort="featured"]').waitFor();
    await waitFor('only the featured comment', async () => (await frame.locator('.comment-list > .comment').count()) === 1);
    expect(await frame.locator('.comment-list > .comment .body').innerText()).toBe('The photo essay on the tram line is superb.');
  }, 20_000);

  it("offers the reader no like on their own comment, and one on everyone else's", async () => {
    const articleId = await aRegisteredArticle();
    const other = await aUser(t.http, { name: 'Go Eun-chae' });
    await aComment(t.http, other.token, articleId, { body: 'A comment by someone else.' });
    embed(articleId, 'en');
    const { frame } = await open(await aReaderBrowser());
    await demoLogin(frame, 'Nam Joon-young');
    await frame.getByLabel('Write a comment').fill('My own view on the article.');
    await frame.getByRole('button', { name: 'Post', exact: true }).click();
    const mine = frame.locator('.comment-list > .comment', { hasText: 'My own view' });
    await mine.waitFor();
    expect(await mine.getByRole('button', { name: /Like/ }).count()).toBe(0);
    expect(await mine.locator('.likes').innerText()).toContain('0');
    const theirs = frame.locator('.comment-list > .comment', { hasText: 'someone else' });
    await theirs.getByRole('button', { name: /Like/ }).click();
    await theirs.locator('.like[aria-pressed="true"]').waitFor();
  }, 20_000);

  it('tells a suspended reader before they write, with the end of the suspension in their own time zone', async () => {
    const articleId = await aRegisteredArticle();
    const reader = await aUser(t.http, { name: '임도윤' });
    const until = new Date(Date.now() + 3 * 24 * 3600_000);
    const ban = await t.http.post(`/api/v1/moderation/users/${reader.user.id}/ban`, { until: until.toISOString(), reason: '욕설' }, { token: moderator.token });
    expect(ban.status).toBe(200);
    embed(articleId, 'ko');
    const { frame } = await open(await aReaderBrowser({ timezoneId: 'Asia/Seoul', locale: 'ko-KR' }));
    await demoLogin(frame, '임도윤', 'ko');
    const notice = frame.locator('.suspended-notice');
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain('계정이 정지되어');
    expect(text).toContain('부터 다시 댓글을 쓸 수 있습니다');
    expect(text).toContain(`${until.toLocaleString('en-US', { timeZone: 'Asia/Seoul', day: 'numeric' })}일`);
    expect(text).toContain('GMT+9');
    expect(await frame.locator('textarea').count()).toBe(0);
  }, 20_000);

  it('names the words that made the policy reject a comment, in Korean', async () => {
    const articleId = await aRegisteredArticle();
    embed(articleId, 'ko');
    const { frame } = await open(await aReaderBrowser());
    await demoLogin(frame, '오세훈', 'ko');
    await frame.getByLabel('댓글 쓰기').fill('시1발 이게 기사냐');
    await frame.getByRole('button', { name: '등록', exact: true }).click();
    const error = frame.locator('.composer .notice-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('“시1발”');
  }, 20_000);

  describe('pictures for the README', () => {
    /** The sample conversation, one comment featured, and a reader logged in with a comment awaiting review. */
    async function aLivelyArticle(lang: 'ko' | 'en'): Promise<string> {
      const articleId = await aRegisteredArticle();
      // Accounts of their own for each picture: the same texts again from the same accounts would be held as repeats.
      await seedConversation(t.app, articleId, DEMO_CONVERSATION, articleId);
      const threads = (await t.http.get(`/api/v1/articles/${articleId}/comments?sort=oldest`)).body.comments as { id: string }[];
      await t.http.put(`/api/v1/moderation/comments/${threads[0]!.id}/feature`, undefined, { token: moderator.token });
      // A plain page: the test pages' loud borders (which prove the page's CSS stays out) are not for the README.
      publisher.setArticlePage(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Article</title>
<style>body { margin: 0; padding: 16px; font-family: serif; background: #fff; }</style></head>
<body><div data-comments data-article-id="${articleId}"></div><script src="${t.baseUrl}/embed.js" async></script></body></html>`);
      return articleId;
    }

    /** `reader`: a reader of each picture's own, so no picture shows a held repeat of another's text. */
    async function photograph(lang: 'ko' | 'en', width: number, file: string, reader: string): Promise<void> {
      await aLivelyArticle(lang);
      const context = await aReaderBrowser({ viewport: { width, height: 900 }, timezoneId: 'Asia/Seoul', deviceScaleFactor: 1 });
      const { page, frame } = await open(context);
      await demoLogin(frame, reader, lang);
      await frame
        .getByLabel(lang === 'ko' ? '댓글 쓰기' : 'Write a comment')
        .fill(lang === 'ko' ? '기사 내용 문의는 010-2222-3333 으로 부탁드립니다.' : 'Questions about the story to 010-2222-3333, please.');
      await frame.getByRole('button', { name: lang === 'ko' ? '등록' : 'Post', exact: true }).click();
      await frame.locator('.held').waitFor();
      await frame.locator('.badge-featured').waitFor();
      // The frame has reported its new height to the page.
      await waitFor('the frame to fit', async () => {
        const iframe = await page.$eval('[data-comments] iframe', (element) => (element as HTMLIFrameElement).clientHeight);
        return iframe >= (await frame.evaluate(() => document.documentElement.scrollHeight));
      });
      const picture = await artifactPath(file);
      await page.locator('[data-comments]').screenshot({ path: picture });
      if (process.env.WIDGET_SCREENSHOTS) await copyFile(picture, new URL(file, DOCS).pathname);
    }

    it('takes the widget in Korean, with a featured comment and a held one', async () => {
      await photograph('ko', 760, 'widget-ko.png', '한예진');
    }, 40_000);

    it('takes the widget in English', async () => {
      await photograph('en', 760, 'widget-en.png', 'Han Ye-jin');
    }, 40_000);

    it('takes the widget on a 375-pixel-wide phone screen, with no sideways scrolling', async () => {
      await photograph('ko', 375, 'widget-375.png', '윤서아');
      const page = contexts.at(-1)!.pages()[0]!;
      const frame = await widgetFrame(page);
      expect(await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    }, 40_000);
  });
});
