import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { anArticle } from '../factories/articles.js';
import { aUser } from '../factories/users.js';
import { reserveAppUrl } from '../helpers/fake-providers/app-url.js';
import { startOidcProvider, type TestOidcProvider } from '../helpers/oidc-provider.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { launchBrowser } from './browser.js';

const COMMENT = 'Logged in through the popup, posted with the token it handed over.';

/**
 * The publisher's page, on its own origin. It opens the login popup exactly as the embedded widget
 * does (`loginUrl + '?origin=' + encodeURIComponent(location.origin)`), believes only a message from
 * the service's origin and from that popup, keeps the token in memory, and posts a comment with it.
 * With `?claim=<origin>` the page lies about its origin in the login URL. Every message it receives
 * is recorded in `receivedMessages()`.
 */
function publisherPage(serviceOrigin: string, articleId: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Publisher article</title></head>
<body>
<button id="login">Log in</button>
<pre id="result"></pre>
<script>
  const service = ${JSON.stringify(serviceOrigin)};
  const received = [];
  window.addEventListener('message', (event) => received.push({ origin: event.origin, type: event.data && event.data.type }));
  window.receivedMessages = () => received;
  document.getElementById('login').addEventListener('click', () => {
    const claimedOrigin = new URLSearchParams(location.search).get('claim') || location.origin;
    const popup = window.open(service + '/api/v1/auth/oidc?origin=' + encodeURIComponent(claimedOrigin), 'comment-desk-login', 'popup,width=480,height=640');
    window.addEventListener('message', async function onMessage(event) {
      if (event.origin !== service || event.source !== popup) return;
      if (!event.data || event.data.type !== 'comment-desk:login') return;
      window.removeEventListener('message', onMessage);
      const session = { accessToken: event.data.accessToken, user: event.data.user };
      const response = await fetch(service + '/api/v1/articles/' + ${JSON.stringify(articleId)} + '/comments', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer ' + session.accessToken },
        body: JSON.stringify({ body: ${JSON.stringify(COMMENT)}, parentId: null }),
      });
      const posted = await response.json();
      document.getElementById('result').textContent = JSON.stringify({ status: response.status, user: session.user, comment: posted.comment });
    });
  });
</script>
</body></html>`;
}

describe('login popup in a real browser (headless Chromium, oidc-provider as the only IdP)', () => {
  let oidc: TestOidcProvider;
  let t: TestApp;
  let site: Server;
  let siteOrigin: string;
  let siteByIp: string;
  let browser: Browser;
  let articleId: string;

  beforeAll(async () => {
    let html = '';
    site = createServer((_, response) => void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const sitePort = (site.address() as AddressInfo).port;
    siteOrigin = `http://localhost:${sitePort}`;
    siteByIp = `http://127.0.0.1:${sitePort}`;

    const app = await reserveAppUrl();
    oidc = await startOidcProvider({ redirectUris: [`${app.url}/api/v1/auth/oidc/callback`] });
    t = await startTestApp({
      env: { ...app.env, ALLOWED_ORIGINS: siteOrigin, OIDC_ISSUER: oidc.issuer, OIDC_CLIENT_ID: oidc.clientId, OIDC_CLIENT_SECRET: oidc.clientSecret },
    });
    const admin = await aUser(t.http, { role: 'admin' });
    articleId = (await anArticle(t.http, admin.token)).id;
    html = publisherPage(t.baseUrl, articleId);

    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await oidc?.close();
    await new Promise((resolve) => site?.close(resolve));
  });

  /** A page in a fresh browser profile (no IdP session yet), reaching only this test's loopback servers. */
  async function freshPage(url: string): Promise<Page> {
    const context: BrowserContext = await browser.newContext();
    // oidc-provider's pages import web fonts from the internet; nothing here may leave the machine.
    await context.route('**/*', (route) => (/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(route.request().url()) ? route.continue() : route.abort()));
    const page = await context.newPage();
    await page.goto(url);
    return page;
  }

  /**
   * Clicks the page's login button, completes oidc-provider's login and consent pages in the popup,
   * and answers the status of the service's callback page, once the popup has closed itself.
   */
  async function logInThroughPopup(page: Page, login: string): Promise<number> {
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#login')]);
    await popup.waitForSelector('input[name="login"]');
    await popup.fill('input[name="login"]', login);
    await popup.fill('input[name="password"]', 'any password');
    await popup.click('button[type="submit"]');
    await popup.waitForSelector('input[name="prompt"][value="consent"]', { state: 'attached' });
    const callback = popup.waitForResponse((response) => response.url().startsWith(`${t.baseUrl}/api/v1/auth/oidc/callback`));
    await Promise.all([popup.waitForEvent('close'), popup.click('button[type="submit"]')]);
    return (await callback).status();
  }

  it('logs a reader in from an allowed page, hands the token over by postMessage, and the token posts a comment', async () => {
    oidc.setAccount('min-ji', { name: 'Park Min-ji', email: 'min-ji@idp.example', email_verified: true });
    const page = await freshPage(`${siteOrigin}/article`);
    expect(await logInThroughPopup(page, 'min-ji')).toBe(200);

    const result = JSON.parse((await (await page.waitForSelector('#result:not(:empty)')).textContent()) ?? '{}');
    expect(result).toMatchObject({
      status: 201,
      user: { displayName: 'Park Min-ji', provider: 'oidc' },
      comment: { body: COMMENT, author: { displayName: 'Park Min-ji' } },
    });
    // In memory only: nothing of the session was written to the page's storage.
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);

    const listed = await t.http.get(`/api/v1/articles/${articleId}/comments`);
    expect(listed.body.comments).toContainEqual(expect.objectContaining({ id: result.comment.id, body: COMMENT }));
    await page.context().close();
  });

  it('hands nothing to a page that claims an allowed origin it is not on', async () => {
    // Same server, reached by IP: another origin, which the app was not told to allow.
    const page = await freshPage(`${siteByIp}/article?claim=${encodeURIComponent(siteOrigin)}`);
    expect(await logInThroughPopup(page, 'eavesdropper')).toBe(200);
    // The popup posted to the allowed origin and closed; the browser delivered nothing to this page.
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { receivedMessages(): unknown[] }).receivedMessages())).toEqual([]);
    expect(await page.textContent('#result')).toBe('');
    await page.context().close();
  });
});
