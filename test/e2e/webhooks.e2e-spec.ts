import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { anArticle } from '../factories/articles.js';
import { aComment } from '../factories/comments.js';
import { aSite } from '../factories/sites.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import { eventually } from '../helpers/eventually.js';
import { sql } from '../helpers/sql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { type ReceivedHook, WebhookReceiver } from '../helpers/webhook-receiver.js';

interface DeliveryRow {
  id: string;
  type: string;
  status: string;
  attempts: number;
  lastError: string | null;
}

const aSecret = () => `whsec_${randomBytes(32).toString('base64')}`;
const headersOf = (hook: ReceivedHook) => ({
  'webhook-id': String(hook.headers['webhook-id']),
  'webhook-timestamp': String(hook.headers['webhook-timestamp']),
  'webhook-signature': String(hook.headers['webhook-signature']),
});

describe('webhooks', () => {
  let t: TestApp;
  let admin: LoggedInUser;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    t = await startTestApp({ env: { OUTBOX_RETRY_BASE_MS: '50', OUTBOX_MAX_ATTEMPTS: '3', OUTBOX_POLL_MS: '50' } });
    admin = await aUser(t.http, { role: 'operator' });
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const register = async (url: string, events: string[], secret = aSecret()) => {
    const response = await t.http.post('/api/v1/admin/webhooks', { url, events, secret }, { token: admin.token });
    expect(response.status).toBe(201);
    expect(response.body.secret).toBe(secret);
    return { id: response.body.id as string, secret };
  };
  const deliveries = async (id: string, query = ''): Promise<DeliveryRow[]> =>
    (await t.http.get(`/api/v1/admin/webhooks/${id}/deliveries${query}`, { token: admin.token })).body.deliveries;

  it('signs each event the Standard Webhooks way: the right secret verifies it, a wrong one does not', async () => {
    receiver.received.length = 0;
    receiver.status = 204;
    const endpoint = await register(receiver.url, ['comment.published', 'user.banned']);
    const article = await anArticle(t.http, admin.token);
    const author = await aUser(t.http);
    const comment = await aComment(t.http, author.token, article.id);
    const moderator = await aUser(t.http, { role: 'moderator' });
    await t.http.post(`/api/v1/moderation/users/${author.user.id}/ban`, { until: null, reason: 'Spam run' }, { token: moderator.token });

    const [published, banned] = await receiver.waitFor(2);
    const events = [published!, banned!].map((hook) => new Webhook(endpoint.secret).verify(hook.body, headersOf(hook)));
    expect(events).toEqual([
      {
        type: 'comment.published',
        timestamp: expect.any(String),
        siteId: 'default',
        data: expect.objectContaining({ commentId: comment.id, articleId: article.id, authorId: author.user.id, status: 'published' }),
      },
      {
        type: 'user.banned',
        timestamp: expect.any(String),
        siteId: 'default',
        data: expect.objectContaining({ userId: author.user.id, action: 'ban', reason: 'Spam run' }),
      },
    ]);
    expect(published!.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(() => new Webhook(aSecret()).verify(published!.body, headersOf(published!))).toThrow(WebhookVerificationError);
    // A body changed on the way fails as well.
    expect(() => new Webhook(endpoint.secret).verify(published!.body.replace('published', 'deleted'), headersOf(published!))).toThrow(WebhookVerificationError);

    const log = await eventually(
      () => deliveries(endpoint.id),
      (rows) => rows.length === 2 && rows.every((row) => row.status === 'delivered'),
    );
    expect(log.map((row) => [row.id, row.type, row.attempts])).toEqual([
      [banned!.headers['webhook-id'], 'user.banned', 1],
      [published!.headers['webhook-id'], 'comment.published', 1],
    ]);
  });

  it('retries a receiver that is down, then files the event under dead letters, and sends it again on request', async () => {
    const down = await WebhookReceiver.start();
    down.status = 503;
    try {
      const endpoint = await register(down.url, ['comment.held']);
      const article = await anArticle(t.http, admin.token, { premoderation: true });
      const held = await aComment(t.http, (await aUser(t.http)).token, article.id);

      const dead = await eventually(
        () => deliveries(endpoint.id, '?status=dead'),
        (rows) => rows.length === 1,
        5_000,
      );
      expect(dead).toEqual([expect.objectContaining({ type: 'comment.held', status: 'dead', attempts: 3, lastError: 'the endpoint answered 503' })]);
      expect(down.received).toHaveLength(3);
      // The same message each time, so the receiver can tell a retry from a new event.
      expect(new Set(down.received.map((hook) => hook.headers['webhook-id']))).toEqual(new Set([dead[0]!.id]));
      expect(JSON.parse(down.received[0]!.body).data.commentId).toBe(held.id);

      down.status = 200;
      expect((await t.http.post(`/api/v1/admin/webhooks/${endpoint.id}/deliveries/${dead[0]!.id}/retry`, undefined, { token: admin.token })).status).toBe(202);
      await down.waitFor(4);
      const after = await eventually(
        () => deliveries(endpoint.id),
        (rows) => rows[0]?.status === 'delivered',
      );
      expect(after).toEqual([expect.objectContaining({ id: dead[0]!.id, status: 'delivered' })]);
      expect(await deliveries(endpoint.id, '?status=dead')).toEqual([]);
    } finally {
      await down.close();
    }
  });

  it('refuses an unknown event type with 400 VALIDATION_FAILED and lists what it registered, without secrets', async () => {
    const refused = await t.http.post('/api/v1/admin/webhooks', { url: receiver.url, events: ['comment.liked'] }, { token: admin.token });
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    const listed = (await t.http.get('/api/v1/admin/webhooks', { token: admin.token })).body.webhooks;
    expect(listed.length).toBeGreaterThan(0);
    for (const webhook of listed) expect(webhook).not.toHaveProperty('secret');
  });
});

describe('webhooks of two sites', () => {
  let t: TestApp;
  let operator: LoggedInUser;
  let dailyReceiver: WebhookReceiver;
  let englishReceiver: WebhookReceiver;
  let english: Awaited<ReturnType<typeof aSite>>;
  let dailyAdmin: LoggedInUser;
  let englishAdmin: LoggedInUser;
  let dailyHook: string;
  let englishHook: string;
  const EVERY_EVENT = ['comment.published', 'comment.held', 'comment.decided', 'comment.reported', 'user.banned'];

  beforeAll(async () => {
    [dailyReceiver, englishReceiver] = await Promise.all([WebhookReceiver.start(), WebhookReceiver.start()]);
    t = await startTestApp({ env: { OUTBOX_POLL_MS: '50' } });
    operator = await aUser(t.http, { role: 'operator' });
    english = await aSite(t.http, operator.token);
    dailyAdmin = await aUser(t.http, { role: 'admin' });
    englishAdmin = await aUser(english.http, { role: 'admin' });
    // Each site's admin registers the site's own endpoint.
    const daily = await t.http.post('/api/v1/admin/webhooks', { url: dailyReceiver.url, events: EVERY_EVENT }, { token: dailyAdmin.token });
    const englishOne = await english.http.post('/api/v1/admin/webhooks', { url: englishReceiver.url, events: EVERY_EVENT }, { token: englishAdmin.token });
    expect([daily.status, englishOne.status]).toEqual([201, 201]);
    [dailyHook, englishHook] = [daily.body.id, englishOne.body.id];
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([dailyReceiver.close(), englishReceiver.close()]);
  });

  it("sends each endpoint only its own site's events, each naming its site", async () => {
    const dailyArticle = await anArticle(t.http, dailyAdmin.token);
    const englishArticle = await anArticle(english.http, englishAdmin.token);
    const dailyComment = await aComment(t.http, (await aUser(t.http)).token, dailyArticle.id);
    const englishReader = await aUser(english.http);
    const englishComment = await aComment(english.http, englishReader.token, englishArticle.id);
    const englishModerator = await aUser(english.http, { role: 'moderator' });
    const ban = await english.http.post(
      `/api/v1/moderation/users/${englishReader.user.id}/ban`,
      { until: null, reason: 'Spam' },
      { token: englishModerator.token },
    );
    expect(ban.status).toBe(200);

    await dailyReceiver.waitFor(1);
    await englishReceiver.waitFor(2);
    // Time for a stray delivery to arrive, if there were one.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const bodies = (receiver: WebhookReceiver) =>
      receiver.received.map((hook) => JSON.parse(hook.body) as { type: string; siteId: string; data: Record<string, unknown> });
    expect(bodies(dailyReceiver)).toEqual([
      expect.objectContaining({ type: 'comment.published', siteId: 'default', data: expect.objectContaining({ commentId: dailyComment.id }) }),
    ]);
    expect(bodies(englishReceiver)).toEqual([
      expect.objectContaining({ type: 'comment.published', siteId: english.id, data: expect.objectContaining({ commentId: englishComment.id }) }),
      expect.objectContaining({ type: 'user.banned', siteId: english.id, data: expect.objectContaining({ userId: englishReader.user.id }) }),
    ]);
  });

  it("lists a site's endpoints to its admin, and to an operator on that site, and no other site's", async () => {
    const ids = async (http: typeof t.http, token: string) =>
      ((await http.get('/api/v1/admin/webhooks', { token })).body.webhooks as { id: string }[]).map((hook) => hook.id);
    expect(await ids(t.http, dailyAdmin.token)).toEqual([dailyHook]);
    expect(await ids(english.http, englishAdmin.token)).toEqual([englishHook]);
    expect(await ids(english.http, operator.token)).toEqual([englishHook]);
    expect(await ids(t.http, operator.token)).toEqual([dailyHook]);
  });

  it("answers a site's admin 404 NOT_FOUND for another site's endpoint, its deliveries and their retry, and removes nothing", async () => {
    const asEnglishAdmin = { token: englishAdmin.token };
    const deliveries = await english.http.get(`/api/v1/admin/webhooks/${dailyHook}/deliveries`, asEnglishAdmin);
    expect([deliveries.status, deliveries.body.error.code]).toEqual([404, 'NOT_FOUND']);
    // A dead letter of the default site's.
    const [dead] = await sql<{ id: string }>(
      t.databaseUrl,
      "UPDATE outbox SET status = 'dead' WHERE id = (SELECT id FROM outbox WHERE endpoint_id = $1 LIMIT 1) RETURNING id::text",
      [dailyHook],
    );
    const retry = await english.http.post(`/api/v1/admin/webhooks/${dailyHook}/deliveries/${dead!.id}/retry`, undefined, asEnglishAdmin);
    expect([retry.status, retry.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await t.http.post(`/api/v1/admin/webhooks/${dailyHook}/deliveries/${dead!.id}/retry`, undefined, { token: dailyAdmin.token })).status).toBe(202);
    const removed = await english.http.delete(`/api/v1/admin/webhooks/${dailyHook}`, asEnglishAdmin);
    expect([removed.status, removed.body.error.code]).toEqual([404, 'NOT_FOUND']);
    // Nor does the other site's admin reach them through its own site: a token is valid on its site only.
    expect((await t.http.get(`/api/v1/admin/webhooks/${englishHook}/deliveries`, { token: dailyAdmin.token })).status).toBe(404);
    expect((await t.http.get(`/api/v1/admin/webhooks/${dailyHook}/deliveries`, { token: dailyAdmin.token })).status).toBe(200);
  });
});
