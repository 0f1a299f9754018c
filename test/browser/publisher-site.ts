import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { aUser, type LoggedInUser } from '../factories/users.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { launchBrowser } from './browser.js';

export interface PublisherSite {
  /** `http://localhost:<port>`: another origin than the app's `http://127.0.0.1:<port>`. */
  origin: string;
  /** The same server by IP: an origin the app was not told to allow. */
  otherOrigin: string;
  /** What `GET /article` answers from now on. */
  setArticlePage(html: string): void;
  close(): Promise<void>;
}

/** A publisher's web site on its own origin, serving one article page that embeds the widget. */
export async function startPublisherSite(): Promise<PublisherSite> {
  let page = '<!doctype html><title>empty</title>';
  const server: Server = createServer((request, response) => {
    if (request.url !== '/article') return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    otherOrigin: `http://127.0.0.1:${port}`,
    setArticlePage: (html) => void (page = html),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A publisher's article page with the contract's two lines (and optional data-* attributes on the element). */
export function publisherArticle(options: {
  lang: string;
  appUrl: string;
  articleId: string;
  attributes?: Record<string, string>;
  /** Space above the comments, in pixels (a long article). */
  articleHeight?: number;
}): string {
  const extra = Object.entries(options.attributes ?? {})
    .map(([name, value]) => ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
    .join('');
  return `<!doctype html>
<html lang="${options.lang}">
<head><meta charset="utf-8"><title>Publisher article</title>
<style>body { font-family: serif; } p, div, textarea, button { border: 5px dashed red !important; color: red !important; }</style></head>
<body>
<h1>A publisher's article</h1>
<p style="min-height: ${options.articleHeight ?? 0}px">The page's own CSS must not reach the widget.</p>
<div data-comments data-article-id="${options.articleId}"${extra}></div>
<script src="${options.appUrl}/embed.js" async></script>
</body>
</html>`;
}

/** A publisher's site, the service allowing its origin, a browser, and an admin of the service. */
export interface PublisherStage {
  t: TestApp;
  browser: Browser;
  publisher: PublisherSite;
  admin: LoggedInUser;
  close(): Promise<void>;
}

/** The set-up of a browser spec that embeds the widget on a publisher's page (call in `beforeAll`). */
export async function startPublisherStage(): Promise<PublisherStage> {
  const publisher = await startPublisherSite();
  const t = await startTestApp({ env: { ALLOWED_ORIGINS: publisher.origin } });
  const browser = await launchBrowser();
  const admin = await aUser(t.http, { role: 'admin' });
  return {
    t,
    browser,
    publisher,
    admin,
    async close() {
      await browser.close();
      await t.close();
      await publisher.close();
    },
  };
}
