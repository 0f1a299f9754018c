import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { anArticle } from '../factories/articles.js';
import { aComment } from '../factories/comments.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import { eventually } from '../helpers/eventually.js';
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
        data: expect.objectContaining({ commentId: comment.id, articleId: article.id, authorId: author.user.id, status: 'published' }),
      },
      { type: 'user.banned', timestamp: expect.any(String), data: expect.objectContaining({ userId: author.user.id, action: 'ban', reason: 'Spam run' }) },
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
