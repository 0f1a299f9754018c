import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anArticle } from '../factories/articles.js';
import { aComment } from '../factories/comments.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import type { HttpClient } from '../helpers/http-client.js';
import { linkIn, SmtpSink } from '../helpers/smtp-sink.js';
import { sql } from '../helpers/sql.js';
import { createTestDatabase, startTestApp, type TestApp } from '../helpers/test-app.js';

let counter = 0;
const anAddress = () => `reader-${process.pid}-${++counter}@example.test`;

/**
 * What a reader's mail link does, fetched as a mail client would: no token, no cookie. The test apps
 * listen on a port picked at start, so the link's path and query are taken to `baseUrl`.
 */
async function follow(baseUrl: string, link: string): Promise<{ status: number; text: string; headers: Headers }> {
  const url = new URL(link);
  const response = await fetch(`${baseUrl}${url.pathname}${url.search}`, { redirect: 'manual' });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

/** A form POST to `link`'s path and query, as a browser sends the page's button or a mail client its one-click unsubscribe. */
async function postForm(baseUrl: string, link: string, form: Record<string, string>): Promise<{ status: number; text: string }> {
  const url = new URL(link, baseUrl);
  const response = await fetch(`${baseUrl}${url.pathname}${url.search}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
  return { status: response.status, text: await response.text() };
}

/** The one form of the unsubscribe page: where it posts and what it sends. */
function formOf(page: string): { action: string; fields: Record<string, string> } {
  const action = /<form method="post" action="([^"]+)">/.exec(page)?.[1];
  if (!action) throw new Error(`no form on the page: ${page}`);
  const fields = Object.fromEntries([...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]+)">/g)].map((match) => [match[1]!, match[2]!]));
  return { action: action.replaceAll('&amp;', '&'), fields };
}

/**
 * A reader who asked for every kind of mail at a typed address, and confirmed it by the link mailed
 * to it (which needs a worker running on `http`'s database).
 */
async function aSubscriber(http: HttpClient, sink: SmtpSink, options: { locale?: 'ko' | 'en'; delivery?: 'immediate' | 'hourly' } = {}) {
  const reader = await aUser(http);
  const email = anAddress();
  const saved = await http.put(
    '/api/v1/me/notifications',
    { email, locale: options.locale ?? 'en', reply: true, decision: true, standing: true, delivery: options.delivery ?? 'immediate' },
    { token: reader.token },
  );
  expect(saved.status).toBe(200);
  expect(saved.body).toMatchObject({ email, emailVerified: false });
  const [confirmation] = await sink.waitFor(email, 1);
  expect(confirmation).toBeDefined();
  expect(linkIn(confirmation!, '/notifications/confirm-email')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/notifications\/confirm-email\?token=/);
  expect((await follow(http.baseUrl, linkIn(confirmation!, '/notifications/confirm-email'))).status).toBe(200);
  expect((await http.get('/api/v1/me/notifications', { token: reader.token })).body.emailVerified).toBe(true);
  return { ...reader, email };
}

describe('mail notifications', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let admin: LoggedInUser;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({ env: { SMTP_URL: sink.url, MAIL_FROM: 'Comment Desk <desk@news.example.com>', OUTBOX_POLL_MS: '100' } });
    admin = await aUser(t.http, { role: 'admin' });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('starts with every kind off, and answers the settings a reader saves', async () => {
    const reader = await aUser(t.http);
    expect((await t.http.get('/api/v1/me/notifications', { token: reader.token })).body).toEqual({
      email: null,
      emailVerified: false,
      locale: 'ko',
      reply: false,
      decision: false,
      standing: false,
      delivery: 'immediate',
    });
    const saved = await t.http.put('/api/v1/me/notifications', { reply: true, delivery: 'daily' }, { token: reader.token });
    expect(saved.body).toMatchObject({ reply: true, decision: false, delivery: 'daily' });
    expect((await t.http.put('/api/v1/me/notifications', { delivery: 'weekly' }, { token: reader.token })).body.error.code).toBe('VALIDATION_FAILED');
    expect((await t.http.get('/api/v1/me/notifications', {})).body.error.code).toBe('AUTH_REQUIRED');
  });

  it('mails the author of a comment a reply, with the reply, the article and a working unsubscribe link', async () => {
    const author = await aSubscriber(t.http, sink);
    const article = await anArticle(t.http, admin.token, { title: 'Budget <vote> tonight' });
    const parent = await aComment(t.http, author.token, article.id);
    const replier = await aUser(t.http, { name: `Park replier ${counter}` });
    const reply = await aComment(t.http, replier.token, article.id, { parentId: parent.id, body: 'I see it differently & here is why.' });

    const [, mail] = await sink.waitFor(author.email, 2);
    expect(mail).toBeDefined();
    const { parsed } = mail!;
    expect(parsed.subject).toBe(`Park replier ${counter} replied to your comment`);
    expect(parsed.from?.value).toEqual([{ name: 'Comment Desk', address: 'desk@news.example.com' }]);
    expect(parsed.to).toMatchObject({ value: [{ address: author.email }] });
    expect(parsed.text).toContain('I see it differently & here is why.');
    expect(parsed.text).toContain('Article: Budget <vote> tonight');
    expect(parsed.html).toContain('Budget &lt;vote&gt; tonight');
    expect(parsed.messageId).toMatch(/^<[0-9a-f-]{36}@127\.0\.0\.1>$/);
    const unsubscribe = linkIn(mail!, '/unsubscribe');
    expect(unsubscribe).toContain('/unsubscribe?token=');
    expect(mail!.header('list-unsubscribe')).toContain(`<${unsubscribe}>`);
    expect(mail!.header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(reply.status).toBe('published');
  });

  it('asks before unsubscribing: opening the link changes nothing, its button stops the replies, without a login', async () => {
    const author = await aSubscriber(t.http, sink);
    const article = await anArticle(t.http, admin.token);
    const parent = await aComment(t.http, author.token, article.id);
    const replier = await aUser(t.http);
    await aComment(t.http, replier.token, article.id, { parentId: parent.id });
    const [, firstReply] = await sink.waitFor(author.email, 2);
    const link = linkIn(firstReply!, '/unsubscribe');

    // A mail scanner opens the link, twice: it only gets the question.
    for (let i = 0; i < 2; i++) {
      const asked = await follow(t.baseUrl, link);
      expect(asked.status).toBe(200);
      expect(asked.text).toContain('<html lang="en">');
      expect(asked.text).toContain('Stop getting these notifications?');
      expect(asked.text).not.toContain('You will not get these notifications any more.');
      expect(asked.headers.get('content-security-policy')).toContain("form-action 'self'");
    }
    expect((await t.http.get('/api/v1/me/notifications', { token: author.token })).body).toMatchObject({ reply: true, standing: true });

    const form = formOf((await follow(t.baseUrl, link)).text);
    expect(form.fields).toEqual({ 'List-Unsubscribe': 'One-Click' });
    const page = await postForm(t.baseUrl, form.action, form.fields);
    expect(page.status).toBe(200);
    expect(page.text).toContain('You will not get these notifications any more.');
    expect((await t.http.get('/api/v1/me/notifications', { token: author.token })).body).toMatchObject({ reply: false, standing: true });

    // A second reply, then a ban (still opted in): the ban's mail comes, the reply's never does.
    await aComment(t.http, replier.token, article.id, { parentId: parent.id });
    const moderator = await aUser(t.http, { role: 'moderator' });
    const ban = await t.http.post(`/api/v1/moderation/users/${author.user.id}/ban`, { until: null, reason: 'Repeated abuse' }, { token: moderator.token });
    expect(ban.status).toBe(200);
    const mails = await sink.waitFor(author.email, 3);
    expect(mails.map((mail) => mail.parsed.subject)).toEqual([
      'Please confirm the address for your notifications',
      expect.stringContaining('replied to your comment'),
      'You can no longer post comments',
    ]);
    expect(mails[2]!.parsed.text).toContain('Reason: Repeated abuse');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.to(author.email)).toHaveLength(3);
  });

  it("unsubscribes in one click, RFC 8058's way: a POST of List-Unsubscribe=One-Click to the List-Unsubscribe address, with no page", async () => {
    const author = await aSubscriber(t.http, sink);
    const article = await anArticle(t.http, admin.token);
    const parent = await aComment(t.http, author.token, article.id);
    await aComment(t.http, (await aUser(t.http)).token, article.id, { parentId: parent.id });
    const [, reply] = await sink.waitFor(author.email, 2);
    const header = /<(http[^>]+)>/.exec(reply!.header('list-unsubscribe') ?? '')?.[1];
    expect(header).toBe(linkIn(reply!, '/unsubscribe'));
    const done = await postForm(t.baseUrl, header!, { 'List-Unsubscribe': 'One-Click' });
    expect(done.status).toBe(200);
    expect((await t.http.get('/api/v1/me/notifications', { token: author.token })).body).toMatchObject({ reply: false, decision: true });
  });

  it('asks in Korean for a Korean mail', async () => {
    const author = await aSubscriber(t.http, sink, { locale: 'ko' });
    const article = await anArticle(t.http, admin.token);
    const parent = await aComment(t.http, author.token, article.id);
    await aComment(t.http, (await aUser(t.http)).token, article.id, { parentId: parent.id });
    const [, reply] = await sink.waitFor(author.email, 2);
    const asked = await follow(t.baseUrl, linkIn(reply!, '/unsubscribe'));
    expect(asked.status).toBe(200);
    expect(asked.text).toContain('<html lang="ko">');
    expect(asked.text).toContain('이 알림을 더 이상 받지 않으시겠습니까?');
    expect(asked.text).toContain('>수신 거부</button>');
    const done = await postForm(t.baseUrl, formOf(asked.text).action, formOf(asked.text).fields);
    expect(done.text).toContain('이 알림을 더 이상 보내지 않습니다.');
  });

  it('refuses a forged unsubscribe link and changes nothing', async () => {
    const author = await aSubscriber(t.http, sink);
    const [confirmation] = sink.to(author.email);
    // A confirmation link's token is signed, but for another purpose; an altered one is not signed at all.
    const confirmToken = linkIn(confirmation!, '/notifications/confirm-email').split('token=')[1]!;
    expect((await follow(t.baseUrl, `${t.baseUrl}/unsubscribe?token=${confirmToken}`)).status).toBe(400);
    expect((await follow(t.baseUrl, `${t.baseUrl}/unsubscribe?token=${confirmToken.slice(0, -4)}AAAA`)).status).toBe(400);
    expect((await follow(t.baseUrl, `${t.baseUrl}/unsubscribe`)).status).toBe(400);
    const forged = `${t.baseUrl}/unsubscribe?token=${confirmToken.slice(0, -4)}AAAA`;
    expect((await postForm(t.baseUrl, forged, { 'List-Unsubscribe': 'One-Click' })).status).toBe(400);
    expect((await t.http.get('/api/v1/me/notifications', { token: author.token })).body.reply).toBe(true);
  });

  it("mails a moderator's decision on a held comment with the reason, in Korean for a Korean reader", async () => {
    const author = await aSubscriber(t.http, sink, { locale: 'ko' });
    const article = await anArticle(t.http, admin.token, { premoderation: true, title: '예산안 표결' });
    const held = await aComment(t.http, author.token, article.id, { body: '검토를 기다리는 의견입니다.' });
    expect(held.status).toBe('pending');
    const moderator = await aUser(t.http, { role: 'moderator' });
    const decided = await t.http.post(
      `/api/v1/moderation/comments/${held.id}/decision`,
      { action: 'reject', reason: '기사와 관계없는 내용' },
      { token: moderator.token },
    );
    expect(decided.status).toBe(200);
    const [, mail] = await sink.waitFor(author.email, 2);
    expect(mail!.parsed.subject).toBe('검토를 기다리던 댓글이 게시되지 않았습니다');
    expect(mail!.parsed.text).toContain('사유: 기사와 관계없는 내용');
    expect(mail!.parsed.text).toContain('기사: 예산안 표결');
    expect(mail!.parsed.text).toContain('이 알림 그만 받기');
  });

  it('sends nothing to a typed address before it is confirmed, nor a reply to oneself', async () => {
    const author = await aUser(t.http);
    const email = anAddress();
    await t.http.put('/api/v1/me/notifications', { email, reply: true, locale: 'en' }, { token: author.token });
    const article = await anArticle(t.http, admin.token);
    const parent = await aComment(t.http, author.token, article.id);
    await aComment(t.http, (await aUser(t.http)).token, article.id, { parentId: parent.id });
    await aComment(t.http, author.token, article.id, { parentId: parent.id });
    await sink.waitFor(email, 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.to(email).map((mail) => mail.parsed.subject)).toEqual(['Please confirm the address for your notifications']);
  });

  it("gathers a digest reader's notifications of the hour into one mail", async () => {
    const author = await aSubscriber(t.http, sink, { delivery: 'hourly' });
    const article = await anArticle(t.http, admin.token);
    const parent = await aComment(t.http, author.token, article.id);
    for (let i = 0; i < 3; i++) await aComment(t.http, (await aUser(t.http)).token, article.id, { parentId: parent.id, body: `Digest reply number ${i}.` });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.to(author.email)).toHaveLength(1);
    // The hour is over.
    await sql(t.databaseUrl, "UPDATE outbox SET available_at = now() WHERE recipient_id = $1 AND status = 'pending'", [author.user.id]);
    const [, digest] = await sink.waitFor(author.email, 2);
    expect(digest!.parsed.subject).toBe('3 new notifications');
    for (let i = 0; i < 3; i++) expect(digest!.parsed.text).toContain(`Digest reply number ${i}.`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.to(author.email)).toHaveLength(2);
  });
});

describe('mail notifications across a restart', () => {
  let sink: SmtpSink;
  let database: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    sink = await SmtpSink.start();
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await sink.close();
    await database.drop();
  });

  it('mails a reply once when the app stops between the commit and the send, and two instances deliver it after', async () => {
    const env = { SMTP_URL: sink.url, OUTBOX_POLL_MS: '100' };
    const setup = await startTestApp({ env, databaseUrl: database.url });
    let author: LoggedInUser & { email: string };
    let articleId: string;
    let parentId: string;
    try {
      const admin = await aUser(setup.http, { role: 'admin' });
      author = await aSubscriber(setup.http, sink);
      articleId = (await anArticle(setup.http, admin.token)).id;
      parentId = (await aComment(setup.http, author.token, articleId)).id;
    } finally {
      await setup.close();
    }

    // The reply commits on an instance that never delivers, which then stops.
    const stopping = await startTestApp({ env: { ...env, OUTBOX_WORKER: 'false' }, databaseUrl: database.url });
    try {
      await aComment(stopping.http, (await aUser(stopping.http)).token, articleId, { parentId, body: 'Committed before the restart.' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(sink.to(author.email)).toHaveLength(1);
    } finally {
      await stopping.close();
    }

    const a = await startTestApp({ env, databaseUrl: database.url });
    const b = await startTestApp({ env, databaseUrl: database.url });
    try {
      const mails = await sink.waitFor(author.email, 2);
      expect(mails[1]?.parsed.text).toContain('Committed before the restart.');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(sink.to(author.email)).toHaveLength(2);
    } finally {
      await b.close();
      await a.close();
    }
  });
});
