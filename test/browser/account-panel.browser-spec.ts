import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Frame, Page } from 'playwright-core';
import { anArticle } from '../factories/articles.js';
import { aComment } from '../factories/comments.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import type { TestApp } from '../helpers/test-app.js';
import { widgetFrame } from './browser.js';
import { publisherArticle, type PublisherSite, startPublisherStage } from './publisher-site.js';

const NEIGHBOUR_COMMENT = 'The neighbour’s comment, for the profile view.';

describe("the reader's account section and commenters' profiles in the widget", () => {
  let t: TestApp;
  let browser: Browser;
  let publisher: PublisherSite;
  let admin: LoggedInUser;
  let close: (() => Promise<void>) | undefined;
  let neighbour: LoggedInUser;
  let articleCount = 0;

  beforeAll(async () => {
    ({ t, browser, publisher, admin, close } = await startPublisherStage());
    neighbour = await aUser(t.http, { name: 'Neighbour Yoon' });
  }, 30_000);

  afterAll(() => close?.());

  async function openWidget(name: string): Promise<{ page: Page; frame: Frame }> {
    const articleId = `account-article-${++articleCount}`;
    await anArticle(t.http, admin.token, { id: articleId });
    // A text of its own each time: the same one twice by one author would be held as a duplicate.
    await aComment(t.http, neighbour.token, articleId, { body: `${NEIGHBOUR_COMMENT} (${articleCount})` });
    publisher.setArticlePage(publisherArticle({ lang: 'en', appUrl: t.baseUrl, articleId }));
    const context = await browser.newContext({ acceptDownloads: true });
    context.setDefaultTimeout(5_000);
    const page = await context.newPage();
    await page.goto(`${publisher.origin}/article`);
    const frame = await widgetFrame(page);
    await frame.locator('.body', { hasText: NEIGHBOUR_COMMENT }).waitFor();
    await frame.getByRole('button', { name: 'Demo login' }).click();
    await frame.getByLabel('Display name').fill(name);
    await frame.getByRole('button', { name: 'Log in', exact: true }).click();
    await frame.locator('.account', { hasText: `Logged in as ${name}` }).waitFor();
    return { page, frame };
  }

  it('saves mail notification settings and downloads my data', async () => {
    const { page, frame } = await openWidget('Account Reader Han');
    await frame.getByText('My account', { exact: true }).click();
    await frame.getByLabel('E-mail address').fill('han@example.test');
    await frame.getByLabel('Replies to my comments').check();
    await frame.getByRole('button', { name: 'Save', exact: true }).click();
    await frame.getByText('Saved.').waitFor();
    await frame.getByText('Not confirmed yet').waitFor();
    // The same demo account, through the API.
    const sameAccount = await aUser(t.http, { name: 'Account Reader Han' });
    expect((await t.http.get('/api/v1/me/notifications', { token: sameAccount.token })).body).toMatchObject({
      email: 'han@example.test',
      reply: true,
      decision: false,
    });

    const [download] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: 'Download my data (JSON)' }).click()]);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
    expect(exported.user).toMatchObject({ id: sameAccount.user.id, displayName: 'Account Reader Han' });
    expect(exported.notificationSettings).toMatchObject({ email: 'han@example.test', reply: true });
  });

  it("opens a commenter's profile from their name", async () => {
    const { frame } = await openWidget('Profile Reader Seo');
    await frame.locator('.comment').filter({ hasText: NEIGHBOUR_COMMENT }).getByRole('button', { name: 'Neighbour Yoon' }).first().click();
    const profile = frame.locator('.profile');
    await profile.getByRole('heading', { name: "Neighbour Yoon's comments" }).waitFor();
    expect(await profile.textContent()).toContain('Deleted 0% of own');
    expect(await profile.getByRole('link').count()).toBeGreaterThan(0);
  });

  it('deletes my account once I type my display name, and logs me out', async () => {
    const { frame } = await openWidget('Leaving Reader Oh');
    const before = await aUser(t.http, { name: 'Leaving Reader Oh' });
    await frame.getByText('My account', { exact: true }).click();
    const confirm = frame.getByRole('button', { name: 'Delete for good' });
    expect(await confirm.isDisabled()).toBe(true);
    await frame.getByRole('textbox', { name: 'Delete my account' }).fill('Leaving Reader Oh');
    await confirm.click();
    await frame.getByText('To write comments, please log in to one of the accounts.').waitFor();
    expect((await t.http.get('/api/v1/me', { token: before.token })).body.error.code).toBe('AUTH_REQUIRED');
    expect((await t.http.get(`/api/v1/users/${before.user.id}/profile`)).body.error.code).toBe('NOT_FOUND');
  });
});
