import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { anArticle } from '../factories/articles.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { launchBrowser, widgetFrame } from './browser.js';
import { publisherArticle, type PublisherSite, startPublisherSite } from './publisher-site.js';

/**
 * The widget's popup branch for OAuth2/OIDC providers, against a stand-in for the service's
 * callback page (served on the service's origin through request interception), so the widget's
 * side of the protocol is tested whatever identity providers this service has configured.
 */
describe('logging in through a popup from the widget', () => {
  let t: TestApp;
  let browser: Browser;
  let publisher: PublisherSite;
  let reader: LoggedInUser;

  const PROVIDERS = [
    { id: 'test-oidc', name: 'Test OIDC', kind: 'oidc', loginUrl: '/api/v1/auth/test-oidc' },
    { id: 'test-closing', name: 'Closing provider', kind: 'oauth2', loginUrl: '/api/v1/auth/test-closing' },
  ];

  beforeAll(async () => {
    publisher = await startPublisherSite();
    t = await startTestApp({ env: { ALLOWED_ORIGINS: publisher.origin } });
    browser = await launchBrowser();
    const admin = await aUser(t.http, { role: 'admin' });
    reader = await aUser(t.http, { name: 'Popup Reader' });
    const article = await anArticle(t.http, admin.token);
    publisher.setArticlePage(publisherArticle({ lang: 'en', appUrl: t.baseUrl, articleId: article.id }));
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await publisher?.close();
  });

  /** A context where the service offers the two stand-in providers and their "callback" pages. */
  async function contextWithStandInProviders(): Promise<{ context: BrowserContext; page: Page; loginUrls: string[] }> {
    const context = await browser.newContext();
    const loginUrls: string[] = [];
    await context.route(`${t.baseUrl}/api/v1/auth/providers`, (route) => route.fulfill({ json: { providers: PROVIDERS } }));
    await context.route(`${t.baseUrl}/api/v1/auth/test-*`, (route) => {
      const url = new URL(route.request().url());
      loginUrls.push(url.href);
      const message = { type: 'comment-desk:login', accessToken: reader.token, expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: reader.user };
      // The stand-in for the provider's pages and the service's callback: "Continue" hands the session over.
      const body = url.pathname.endsWith('test-oidc')
        ? `<!doctype html><title>Login</title><button id="continue">Continue</button>
<script>document.getElementById('continue').onclick = () => window.opener.postMessage(${JSON.stringify(message)}, ${JSON.stringify(url.searchParams.get('origin'))});</script>`
        : '<!doctype html><title>Login</title><script>window.close();</script>';
      return route.fulfill({ contentType: 'text/html', body });
    });
    const page = await context.newPage();
    await page.goto(`${publisher.origin}/article`);
    return { context, page, loginUrls };
  }

  it('logs in with the session the popup posts from the service origin, and ignores one forged by the host page', async () => {
    const { context, page, loginUrls } = await contextWithStandInProviders();
    const frame = await widgetFrame(page);
    const [popup] = await Promise.all([page.waitForEvent('popup'), frame.getByRole('button', { name: 'Test OIDC' }).click()]);
    await popup.locator('#continue').waitFor();

    // While the widget waits for the popup, the host page (another origin) tries to log it in with a token of its own.
    await page.evaluate(() => {
      const forged = { type: 'comment-desk:login', accessToken: 'forged', expiresAt: '2999-01-01T00:00:00Z', user: { id: 'x', displayName: 'Mallory' } };
      document.querySelector('iframe')!.contentWindow!.postMessage(forged, '*');
    });
    await page.waitForTimeout(300);
    expect(await frame.locator('.login-prompt').count()).toBe(1);

    await Promise.all([popup.waitForEvent('close'), popup.locator('#continue').click()]);
    await frame.locator('.account', { hasText: 'Logged in as Popup Reader' }).waitFor();
    expect(new URL(loginUrls[0]!).searchParams.get('origin')).toBe(t.baseUrl);

    await frame.getByLabel('Write a comment').fill('Posted after logging in through the popup.');
    await frame.getByRole('button', { name: 'Post', exact: true }).click();
    await frame.locator('.comment .author', { hasText: 'Popup Reader' }).waitFor();
    await context.close();
  }, 20_000);

  it('says so when the login window is closed without logging in', async () => {
    const { context, page } = await contextWithStandInProviders();
    const frame = await widgetFrame(page);
    await frame.getByRole('button', { name: 'Closing provider' }).click();
    await frame.locator('.notice-error', { hasText: 'The login window was closed before you logged in.' }).waitFor();
    expect(await frame.locator('.login-prompt').count()).toBe(1);
    await context.close();
  }, 20_000);
});
