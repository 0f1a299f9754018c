import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Frame } from 'playwright-core';
import { countGraphemes, normalizeCommentBody } from '@/modules/comments/text/comment-text.js';
import { anArticle } from '../factories/articles.js';
import { aComment } from '../factories/comments.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import { sql } from '../helpers/sql.js';
import type { TestApp } from '../helpers/test-app.js';
import { widgetFrame } from './browser.js';
import { publisherArticle, type PublisherSite, startPublisherStage } from './publisher-site.js';

/** Posted by someone else on every article here: once it shows, the list has loaded. */
const NEIGHBOUR_COMMENT = 'The neighbour’s comment, there from the start.';

describe("editing one's own comment in the widget", () => {
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

  /** A new article with one comment by another reader, embedded on the publisher's page. */
  async function embedNewArticle(lang = 'en'): Promise<string> {
    const id = `editing-article-${++articleCount}`;
    await anArticle(t.http, admin.token, { id });
    // A neighbour of its own: the same text twice by one author would be held as a duplicate.
    await aComment(t.http, (await aUser(t.http, { name: `Neighbour ${articleCount}` })).token, id, { body: NEIGHBOUR_COMMENT });
    showArticle(id, lang);
    return id;
  }

  const showArticle = (articleId: string, lang: string) => publisher.setArticlePage(publisherArticle({ lang, appUrl: t.baseUrl, articleId }));

  /** The article page in a browser context of its own; logged in through the demo login when a name is given. */
  async function openWidget(name?: string, prepare?: (context: BrowserContext) => Promise<unknown>): Promise<Frame> {
    // Closed with the browser.
    const context = await browser.newContext();
    // What a save changes shows from its answer: well before the widget's next poll (15 s) could bring it.
    context.setDefaultTimeout(5_000);
    await prepare?.(context);
    const page = await context.newPage();
    await page.goto(`${publisher.origin}/article`);
    const frame = await widgetFrame(page);
    await frame.locator('.body', { hasText: NEIGHBOUR_COMMENT }).waitFor();
    if (name) {
      await frame.getByRole('button', { name: 'Demo login' }).click();
      await frame.getByLabel('Display name').fill(name);
      await frame.getByRole('button', { name: 'Log in', exact: true }).click();
      await frame.locator('.account', { hasText: `Logged in as ${name}` }).waitFor();
    }
    return frame;
  }

  async function post(frame: Frame, body: string): Promise<void> {
    await frame.getByLabel('Write a comment').fill(body);
    await frame.getByRole('button', { name: 'Post', exact: true }).click();
    await frame.locator('.comment-list > .comment .body', { hasText: body }).waitFor();
  }

  const commentWith = (frame: Frame, text: string) => frame.locator('.comment-list > .comment', { hasText: text });
  const editorCounter = (frame: Frame) => frame.locator('.comment-editor .counter').textContent();
  const publicList = async (articleId: string) => (await t.http.get(`/api/v1/articles/${articleId}/comments`)).body.comments;

  it('opens the editor with the text and its live count, saves the new text marked edited, and anonymous readers see it too', async () => {
    const articleId = await embedNewArticle();
    const frame = await openWidget('Kang Da-eun');
    const original = 'The vote on the budget is on Thursday, I think.';
    await post(frame, original);
    const mine = commentWith(frame, original);
    expect(await mine.locator('.edited').count()).toBe(0);

    await mine.getByRole('button', { name: 'Edit', exact: true }).click();
    const field = frame.getByLabel('Edit your comment');
    expect(await field.inputValue()).toBe(original);
    expect(await editorCounter(frame)).toBe(`${original.length}/250자`);
    await frame.waitForFunction(() => document.activeElement?.closest('.comment-editor') !== null, undefined, { timeout: 3_000 });
    const save = frame.getByRole('button', { name: 'Save', exact: true });
    // The text as it was is not worth sending again.
    expect(await save.isDisabled()).toBe(true);

    const edited = 'The vote on the budget moved to Friday 👍🏽';
    await field.fill(edited);
    expect(await editorCounter(frame)).toBe(`${countGraphemes(normalizeCommentBody(edited))}/250자`);
    // The same rule on both sides could be wrong the same way: one count checked by hand.
    expect(await editorCounter(frame)).toBe('40/250자');
    await save.click();

    const saved = frame.locator('.comment-list > .comment', { hasText: edited });
    await saved.locator('.body', { hasText: edited }).waitFor();
    expect(await frame.locator('.comment-editor').count()).toBe(0);
    expect(await saved.locator('.edited').textContent()).toBe('edited');
    expect(await frame.locator('.body', { hasText: original }).count()).toBe(0);
    expect((await publicList(articleId)).find((comment: { body: string }) => comment.body === edited)?.editedAt).toEqual(expect.any(String));

    // Read without a login, on the Korean page.
    showArticle(articleId, 'ko');
    const anonymous = await openWidget();
    const seen = commentWith(anonymous, edited);
    await seen.waitFor();
    expect(await seen.locator('.edited').textContent()).toBe('수정됨');
    expect(await anonymous.locator('.body', { hasText: original }).count()).toBe(0);
    expect(await seen.getByRole('button', { name: '수정' }).count()).toBe(0);
  }, 30_000);

  it("shows an edit the policy holds as awaiting review to its author, and takes it out of anonymous readers' view", async () => {
    const articleId = await embedNewArticle();
    const frame = await openWidget('Baek Ji-min');
    const original = 'Does anyone know when the council meets?';
    await post(frame, original);

    await commentWith(frame, original).getByRole('button', { name: 'Edit', exact: true }).click();
    const held = 'Call me on 010-1234-5678 if you know when the council meets.';
    await frame.getByLabel('Edit your comment').fill(held);
    await frame.getByRole('button', { name: 'Save', exact: true }).click();

    const mine = commentWith(frame, held);
    await mine.locator('.badge', { hasText: 'awaiting review' }).waitFor();
    expect(await mine.locator('.body').textContent()).toBe(held);
    expect(await mine.locator('.edited').count()).toBe(1);
    expect(await mine.locator('.held').innerText()).toContain('phone number');
    await frame.locator('h2', { hasText: '1 comment' }).waitFor();

    const anonymous = await openWidget();
    expect(await anonymous.locator('.comment-list > .comment').count()).toBe(1);
    expect(await anonymous.locator('.body', { hasText: '010-1234-5678' }).count()).toBe(0);
    expect(await anonymous.locator('.body', { hasText: original }).count()).toBe(0);
    expect((await publicList(articleId)).map((comment: { body: string }) => comment.body)).toEqual([NEIGHBOUR_COMMENT]);
  }, 30_000);

  it('refuses an edit the policy rejects with the reason, keeps the text in the editor and the comment as it was', async () => {
    const articleId = await embedNewArticle();
    const frame = await openWidget('Yoo Seung-ho');
    const original = 'A headline that says more than the story.';
    await post(frame, original);

    await commentWith(frame, original).getByRole('button', { name: 'Edit', exact: true }).click();
    const refused = 'fuck, what a headline';
    const field = frame.getByLabel('Edit your comment');
    await field.fill(refused);
    await frame.getByRole('button', { name: 'Save', exact: true }).click();

    const error = frame.locator('.comment-editor .notice-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('The Standards Board Policy does not allow this comment:');
    expect(await field.inputValue()).toBe(refused);
    // A wording can be changed and sent again.
    expect(await frame.getByRole('button', { name: 'Save', exact: true }).isEnabled()).toBe(true);

    await frame.getByRole('button', { name: 'Cancel', exact: true }).click();
    const mine = commentWith(frame, original);
    expect(await mine.locator('.body').textContent()).toBe(original);
    expect(await mine.locator('.edited').count()).toBe(0);
    expect(await frame.locator('.body', { hasText: refused }).count()).toBe(0);
    expect((await publicList(articleId)).find((comment: { body: string }) => comment.body === original)).toMatchObject({ editedAt: null, status: 'published' });
  }, 30_000);

  it("offers Edit on the reader's own comments only, and takes it away once the edit window has passed", async () => {
    const articleId = await embedNewArticle();
    const name = 'Nam Gyu-ri';
    // The demo login by this name is the same account in the browser.
    const author = await aUser(t.http, { name });
    const aged = await aComment(t.http, author.token, articleId, { body: 'Posted a good while ago.' });
    await sql(t.databaseUrl, `UPDATE comments SET created_at = now() - interval '301 seconds' WHERE id = $1`, [aged.id]);
    const fresh = 'Posted just now, still editable.';
    const { createdAt } = await aComment(t.http, author.token, articleId, { body: fresh });
    const closesAt = Date.parse(createdAt) + (await t.http.get('/api/v1/policy')).body.editWindowSeconds * 1000;

    const frame = await openWidget(name, (context) => context.clock.install());
    const editButton = (text: string) => commentWith(frame, text).getByRole('button', { name: 'Edit', exact: true });
    await editButton(fresh).waitFor();
    // The neighbour's comment has its actions, but not that one.
    await commentWith(frame, NEIGHBOUR_COMMENT).getByRole('button', { name: 'Report', exact: true }).waitFor();
    expect(await editButton(NEIGHBOUR_COMMENT).count()).toBe(0);
    expect(await editButton('Posted a good while ago.').count()).toBe(0);
    expect(await commentWith(frame, 'Posted a good while ago.').getByRole('button', { name: 'Delete', exact: true }).count()).toBe(1);

    // By the page's clock, a second before the window closes: still there (the list was polled meanwhile).
    const clock = frame.page().clock;
    await clock.fastForward(closesAt - (await frame.evaluate(() => Date.now())) - 1_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await editButton(fresh).count()).toBe(1);
    // A second after: gone without a reload, and without a poll (none falls in these two seconds).
    await clock.fastForward(2_000);
    await editButton(fresh).waitFor({ state: 'detached', timeout: 1_000 });
    expect(await commentWith(frame, fresh).getByRole('button', { name: 'Delete', exact: true }).count()).toBe(1);
  }, 30_000);
});
