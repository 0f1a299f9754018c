import { execFile } from 'node:child_process';
import { copyFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { aUser, type LoggedInUser } from '../factories/users.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { artifactPath, launchBrowser, waitFor } from './browser.js';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;

/** A word no list knows, until the admin bans it. */
const NEW_TERM = 'zorblax';
const TRIED_TEXT = `The ${NEW_TERM} ruined the whole match for everyone.`;
const ARTICLE_ID = '2026-12-01-console-budget';
const ARTICLE_TITLE = 'Assembly passes the 2027 budget after a night session';

/**
 * `npm run admin -- grant <provider>:<subject> admin`, as an operator runs it, against the test's
 * database: the built command itself (the tests run after `npm run build`, which the script would
 * repeat first).
 */
async function grantAdmin(databaseUrl: string, identity: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['dist/modules/role-grants/admin.cli.js', 'grant', identity, 'admin'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    timeout: 60_000,
  });
  return stdout;
}

describe('the admin console in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let chiefId: string;
  let editor: LoggedInUser;
  let troll: LoggedInUser;

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    // The demo login names its accounts dev:<name in lower case>. Chief has never logged in: the
    // grant waits for the first login.
    expect(await grantAdmin(t.databaseUrl, 'dev:chief')).toContain('they will be admin from their first login');
    editor = await aUser(t.http, { name: 'Park Editor' });
    troll = await aUser(t.http, { name: 'Troll Kim' });
    const moderator = await aUser(t.http, { role: 'moderator', name: 'Moderator Han' });
    const ban = await t.http.post(`/api/v1/moderation/users/${troll.user.id}/ban`, { until: null, reason: 'insults' }, { token: moderator.token });
    expect(ban.status).toBe(200);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const status = () => page.locator('.console-status');
  const saidInStatus = (text: string) => status().getByText(text).waitFor();
  const verdict = (which: 'in-force' | 'draft') => page.locator(`#verdict-${which} .verdict-decision`);
  const openSection = async (name: string) => {
    await page.getByRole('tab', { selected: true }).focus();
    for (let presses = 0; presses < 5 && (await page.getByRole('tab', { selected: true }).textContent()) !== name; presses++)
      await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe(name);
  };

  it('logs the bootstrapped admin in, and in the console creates and closes an article, bans a term after a dry run, rolls the policy back, promotes a moderator, lifts a ban and finds each in the log', async () => {
    context = await browser.newContext({ viewport: { width: 1200, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${t.baseUrl}/moderate/admin?lang=en`);
    await page.getByRole('button', { name: 'Demo login' }).click();
    await page.getByLabel('Display name').fill('Chief');
    await page.getByLabel('Role').selectOption({ label: 'The account’s own role' });
    await page.keyboard.press('Enter');
    await page.getByRole('tablist', { name: 'Console sections' }).waitFor();
    expect(await page.locator('.account').innerText()).toContain('Chief (Admin)');
    const staff = await aUser(t.http, { role: 'moderator' });
    chiefId = (await t.http.get('/api/v1/moderation/users?search=dev:chief', { token: staff.token })).body.items[0].id;

    // Articles: register one from the keyboard, then close its comments.
    await page.getByText('Register an article').focus();
    await page.keyboard.press('Enter');
    const form = page.locator('.new-article');
    await form.getByLabel('Article id').fill(ARTICLE_ID);
    await form.getByLabel('Title', { exact: true }).fill(ARTICLE_TITLE);
    await form.getByLabel('Address (URL)').fill('https://news.example.com/politics/budget');
    await form.getByLabel('Section', { exact: true }).fill('politics');
    await page.keyboard.press('Enter');
    await saidInStatus(`Registered ${ARTICLE_ID}.`);
    const row = page.locator(`.article-row[data-article-id="${ARTICLE_ID}"]`);
    await row.waitFor();
    expect(await row.locator('.article-status').textContent()).toBe('Open');
    await row.getByRole('button', { name: 'Close comments' }).focus();
    await page.keyboard.press('Enter');
    await row.getByRole('button', { name: 'Open comments' }).waitFor();
    expect(await row.locator('.article-status').textContent()).toBe('Closed');
    expect((await t.http.get(`/api/v1/articles/${ARTICLE_ID}`)).body).toMatchObject({ title: ARTICLE_TITLE, section: 'politics', commentsOpen: false });

    // The policy: a text tried as it stands, then against a draft that bans a new term.
    await openSection('Policy');
    await page.getByLabel('Text to try').fill(TRIED_TEXT);
    await page.getByRole('button', { name: 'Try it' }).click();
    await waitFor('the verdict in force', async () => (await verdict('in-force').textContent()) === 'publish');
    expect(await verdict('draft').count()).toBe(0);

    await page.getByLabel('List', { exact: true }).selectOption('banned');
    await page.getByLabel('New term').fill(NEW_TERM);
    await page.keyboard.press('Enter');
    await saidInStatus(`${NEW_TERM} is in the draft.`);
    await page.getByLabel('Find a term').fill(NEW_TERM);
    await page.getByRole('button', { name: `Remove ${NEW_TERM}` }).waitFor();
    await waitFor('the draft to reject the text', async () => (await verdict('draft').textContent()) === 'reject');
    expect(await verdict('in-force').textContent()).toBe('publish');
    const screenshot = await artifactPath('admin-console.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    // `ADMIN_SCREENSHOT=docs/admin-console.png` refreshes the README's picture from this run.
    if (process.env.ADMIN_SCREENSHOT) await copyFile(screenshot, process.env.ADMIN_SCREENSHOT);

    const before = await rulesVersion();
    await page.getByLabel('Reason (for the log)').fill('a new slur in the match reports');
    await page.getByRole('button', { name: 'Save as the next version' }).click();
    await saidInStatus(`Version ${before + 1} is in force.`);
    await waitFor('the policy in force to reject the text', async () => (await verdict('in-force').textContent()) === 'reject');
    expect(await verdict('draft').count()).toBe(0);
    expect(await rulesVersion()).toBe(before + 1);

    // Its history: what the new version changed, and a rollback to the one before.
    const newest = page.locator(`.version-row[data-version="${before + 1}"]`);
    await newest.getByText('in force').waitFor();
    await newest.getByRole('button', { name: `Changes in version ${before + 1}` }).click();
    await page.locator('.diff-added', { hasText: `Banned (reject): added ${NEW_TERM}` }).waitFor();
    const previous = page.locator(`.version-row[data-version="${before}"]`);
    await previous.getByRole('button', { name: `Roll back to version ${before}` }).click();
    await page.getByLabel('Reason for the rollback (for the log)').fill('too broad');
    await page.keyboard.press('Enter');
    await saidInStatus(`Version ${before + 2} is in force, with the rules of version ${before}.`);
    await waitFor('the rolled-back policy to publish the text', async () => (await verdict('in-force').textContent()) === 'publish');
    const rules = await t.http.get('/api/v1/policy/rules', { token: (await aUser(t.http, { role: 'moderator' })).token });
    expect(rules.body.version).toBe(before + 2);
    expect(rules.body.definition.terms.banned).not.toContain(NEW_TERM);

    // People: promote a reader to moderator, and lift a ban.
    await openSection('People');
    await page.getByLabel('Name, provider:subject or id').fill('Park Editor');
    await page.keyboard.press('Enter');
    const editorRow = page.locator(`.person-row[data-user-id="${editor.user.id}"]`);
    await editorRow.getByRole('button', { name: 'Park Editor' }).click();
    await editorRow.getByLabel('Role', { exact: true }).selectOption('moderator');
    await editorRow.getByLabel('Reason (for the log)').fill('joins the night desk');
    await editorRow.getByRole('button', { name: 'Change role' }).click();
    await saidInStatus('Park Editor is now Moderator.');
    await editorRow.locator('.history-list', { hasText: 'changed a role' }).waitFor();
    expect((await t.http.get('/api/v1/me', { token: editor.token })).body.role).toBe('moderator');

    await page.getByLabel('Name, provider:subject or id').fill(`dev:troll kim`);
    await page.keyboard.press('Enter');
    const trollRow = page.locator(`.person-row[data-user-id="${troll.user.id}"]`);
    await trollRow.getByText('banned', { exact: true }).waitFor();
    await trollRow.getByRole('button', { name: 'Troll Kim' }).click();
    await trollRow.getByLabel('Reason (for the log)').fill('appeal granted');
    await trollRow.getByRole('button', { name: 'Lift the ban' }).click();
    await saidInStatus('Troll Kim may write again.');
    await trollRow.locator('.history-list', { hasText: 'lifted a ban' }).waitFor();
    expect((await t.http.get('/api/v1/me', { token: troll.token })).body.status).toBe('active');

    // The log: every one of those, by the admin, and a filter that keeps one kind.
    await openSection('Log');
    const entries = page.locator('.log-entry');
    await entries.first().waitFor();
    const byChief = async (action: string) => page.locator(`.log-entry[data-action="${action}"]`, { hasText: 'Chief' }).allInnerTexts();
    expect(await byChief('article_change')).toHaveLength(2);
    expect((await byChief('rule_change')).length + (await byChief('rule_rollback')).length).toBeGreaterThanOrEqual(2);
    expect(await byChief('role_change')).toEqual([expect.stringContaining('joins the night desk')]);
    expect(await byChief('unban')).toEqual([expect.stringContaining('appeal granted')]);

    await page.getByLabel('Action', { exact: true }).selectOption('unban');
    await page.getByLabel('Actor id').fill(chiefId);
    await page.getByRole('button', { name: 'Apply' }).click();
    await waitFor('the log to show only the lifted ban', async () => {
      const actions = await entries.evaluateAll((items) => items.map((item) => item.getAttribute('data-action')));
      return actions.length === 1 && actions[0] === 'unban';
    });

    await page.getByRole('button', { name: 'Clear' }).click();
    await waitFor('the whole log again', async () => (await entries.count()) > 1);
    await context.close();
  }, 90_000);

  it('speaks Korean, and refuses a moderator with a note instead of the console', async () => {
    context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const logInAs = async (name: string, role: string) => {
      await page.getByRole('button', { name: 'Demo login' }).click();
      await page.getByLabel('표시 이름').fill(name);
      await page.getByLabel('역할').selectOption({ label: role });
      await page.keyboard.press('Enter');
    };
    await page.goto(`${t.baseUrl}/moderate/admin?lang=ko`);
    await page.getByRole('heading', { name: '관리자 로그인' }).waitFor();
    await logInAs('Moderator Seo', '운영진');
    await page.getByRole('heading', { name: '관리자 전용' }).waitFor();
    expect(await page.getByRole('tablist').count()).toBe(0);
    await page.getByRole('button', { name: '로그아웃' }).first().click();

    await logInAs('Chief', '계정의 현재 역할');
    const tabs = page.getByRole('tablist', { name: '콘솔 메뉴' });
    await tabs.waitFor();
    expect(await tabs.getByRole('tab').allTextContents()).toEqual(['기사', '운영 원칙', '사용자', '운영 기록', '기사 묶음']);
    const row = page.locator(`.article-row[data-article-id="${ARTICLE_ID}"]`);
    expect(await row.locator('.article-status').textContent()).toBe('댓글 닫힘');
    await row.getByRole('button', { name: '댓글 열기' }).waitFor();
    await context.close();
  }, 30_000);

  async function rulesVersion(): Promise<number> {
    const moderator = await aUser(t.http, { role: 'moderator' });
    return (await t.http.get('/api/v1/policy/rules', { token: moderator.token })).body.version as number;
  }
});
