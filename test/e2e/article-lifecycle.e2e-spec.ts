import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock } from '@/common/clock/clock.js';
import { anArticle } from '../factories/articles.js';
import { aComment } from '../factories/comments.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import type { HttpResponse } from '../helpers/http-client.js';
import { waitForEvent } from '../helpers/server-sent-events.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const HOUR_MS = 3_600_000;

/** An article's life: its comment window, the automatic moderation, memorial mode. */
describe('article lifecycle', () => {
  let t: TestApp;
  let admin: LoggedInUser;
  let moderator: LoggedInUser;
  let reader: LoggedInUser;

  beforeAll(async () => {
    t = await startTestApp();
    [admin, moderator, reader] = await Promise.all([aUser(t.http, { role: 'admin' }), aUser(t.http, { role: 'moderator' }), aUser(t.http)]);
  });
  afterAll(() => t.close());
  // Each test that moves the clock puts it back, for the next one's articles are registered now.
  let travelled = 0;
  const travel = (ms: number): void => {
    t.app.get(Clock).travel(ms);
    travelled += ms;
  };
  afterEach(() => {
    t.app.get(Clock).travel(-travelled);
    travelled = 0;
  });

  const post = (articleId: string, body: string, token = reader.token): Promise<HttpResponse> =>
    t.http.post(`/api/v1/articles/${articleId}/comments`, { body }, { token });
  const setOverrides = async (articleId: string, overrides: object): Promise<void> => {
    expect((await t.http.put(`/api/v1/articles/${articleId}/policy`, { overrides }, { token: admin.token })).status).toBe(200);
  };

  describe('a comment window', () => {
    it('closes an article 72 hours after it was registered, and says so', async () => {
      const section = `window-${process.pid}`;
      expect((await t.http.put(`/api/v1/policy/sections/${section}`, { overrides: { commentWindow: { hours: 72 } } }, { token: admin.token })).status).toBe(
        200,
      );
      const article = await anArticle(t.http, admin.token, { section });
      const opened = await t.http.get(`/api/v1/articles/${article.id}`);
      expect(opened.body).toMatchObject({ commentsOpen: true, status: { open: true, closedReason: null } });
      expect(Date.parse(opened.body.status.closesAt) - Date.parse(opened.body.createdAt)).toBe(72 * HOUR_MS);
      expect((await post(article.id, 'Posted on the first day.')).status).toBe(201);

      travel(71 * HOUR_MS);
      expect((await post(article.id, 'Posted an hour before the window ends.')).status).toBe(201);
      travel(HOUR_MS);
      const late = await post(article.id, 'Posted once the window has ended.');
      expect(late.status).toBe(403);
      expect(late.body.error).toMatchObject({ code: 'ARTICLE_CLOSED', details: { reason: 'window_ended' } });
      expect((await t.http.get(`/api/v1/articles/${article.id}`)).body).toMatchObject({
        commentsOpen: false,
        status: { open: false, closedReason: 'window_ended' },
      });
      // Another section's article, registered as long ago, is still open.
      expect((await post((await anArticle(t.http, admin.token, { section: 'no-window' })).id, 'No window here.')).status).toBe(201);
    });

    it("lets an article's own window (24 hours) replace its section's", async () => {
      const article = await anArticle(t.http, admin.token);
      await setOverrides(article.id, { commentWindow: { hours: 24 } });
      expect((await post(article.id, 'Within the day.')).status).toBe(201);
      travel(24 * HOUR_MS);
      expect((await post(article.id, 'A day later.')).body.error?.details.reason).toBe('window_ended');
    });
  });

  describe('the automatic moderation', () => {
    it('closes an article on a burst of rejected comments, tells the moderators live, logs it, and a moderator reverses it', async () => {
      const article = await anArticle(t.http, admin.token);
      await setOverrides(article.id, { autoModeration: { windowMinutes: 30, minComments: 4, threshold: 0.5, action: 'close' } });
      const readers = await Promise.all([0, 1, 2, 3].map(() => aUser(t.http)));
      expect((await post(article.id, 'A civil first comment.', readers[0]!.token)).status).toBe(201);
      expect((await post(article.id, 'Another civil comment.', readers[1]!.token)).status).toBe(201);
      expect((await post(article.id, '시1발 이게 기사냐', readers[2]!.token)).status).toBe(422);
      // Three comments: under the minimum, still open.
      expect((await t.http.get(`/api/v1/articles/${article.id}`)).body.commentsOpen).toBe(true);

      const seen = await waitForEvent(
        `${t.baseUrl}/api/v1/moderation/events`,
        moderator.token,
        async () => {
          expect((await post(article.id, '씨발 진짜 너무하네', readers[3]!.token)).status).toBe(422);
        },
        (event) => event.data.type === 'article.auto_moderated',
      );
      expect(seen.at(-1)).toEqual({ event: 'queue', data: { type: 'article.auto_moderated', articleId: article.id, action: 'closed' } });
      expect((await t.http.get(`/api/v1/articles/${article.id}`)).body).toMatchObject({ commentsOpen: false, status: { closedReason: 'auto_closed' } });
      const refused = await post(article.id, 'A civil comment after the close.');
      expect(refused.body.error).toMatchObject({ code: 'ARTICLE_CLOSED', details: { reason: 'auto_closed' } });
      const log = (await t.http.get('/api/v1/moderation/log?limit=100', { token: moderator.token })).body.entries as {
        action: string;
        actor: { id: string; displayName: string; kind: string };
        details: { articleId?: string };
      }[];
      // Setting the article up is logged too (article_change, article_policy_change): only the automatic entries here.
      const automatic = log.filter((entry) => entry.details.articleId === article.id && entry.action.startsWith('auto_'));
      expect(automatic.map((entry) => entry.action)).toEqual(['auto_close']);
      // No person closed it: the site's automation actor did, a real account no one can log in as.
      expect(automatic[0]!.actor).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), displayName: 'Comment Desk automation', kind: 'automation' });
      expect(automatic[0]!.actor.id).not.toBe('00000000-0000-0000-0000-000000000000');
      const byActor = await t.http.get(`/api/v1/moderation/log?userId=${automatic[0]!.actor.id}`, { token: moderator.token });
      expect(byActor.body.entries.map((entry: { action: string }) => entry.action)).toContain('auto_close');

      const reversed = await t.http.post(
        `/api/v1/moderation/articles/${article.id}/reverse-automation`,
        { reason: 'a brigade, now banned' },
        { token: moderator.token },
      );
      expect(reversed.status).toBe(200);
      expect(reversed.body).toMatchObject({ commentsOpen: true, status: { open: true, closedReason: null } });
      // The comments before the reversal no longer count: one more rejection does not close it again.
      expect((await post(article.id, '시1발 또 왔다', readers[0]!.token)).status).toBe(422);
      expect((await post(article.id, 'A civil comment after the reversal.')).status).toBe(201);
      const after = (await t.http.get('/api/v1/moderation/log?limit=100', { token: moderator.token })).body.entries as {
        action: string;
        actor: { id: string; displayName: string; kind: string };
        details: { articleId?: string };
      }[];
      const history = after.filter((entry) => entry.details.articleId === article.id && entry.action.startsWith('auto_'));
      expect(history.map((entry) => entry.action)).toEqual(['auto_close', 'auto_action_reversed']);
      expect(history[1]!.actor).toEqual({ id: moderator.user.id, displayName: moderator.user.displayName, kind: 'person' });
      expect((await t.http.post(`/api/v1/moderation/articles/${article.id}/reverse-automation`, {}, { token: moderator.token })).status).toBe(404);
      expect((await t.http.post(`/api/v1/moderation/articles/${article.id}/reverse-automation`, {}, { token: reader.token })).status).toBe(403);
    });

    it('switches an article to premoderation instead, when its setting says so', async () => {
      const article = await anArticle(t.http, admin.token);
      await setOverrides(article.id, { autoModeration: { windowMinutes: 30, minComments: 2, threshold: 0.5, action: 'premoderate' } });
      const readers = await Promise.all([0, 1].map(() => aUser(t.http)));
      expect((await post(article.id, 'Call me at 010-1234-5678', readers[0]!.token)).body.verdict.decision).toBe('hold');
      expect((await post(article.id, 'Or at 010-8765-4321', readers[1]!.token)).body.verdict.decision).toBe('hold');
      expect((await t.http.get(`/api/v1/articles/${article.id}`)).body).toMatchObject({
        commentsOpen: true,
        premoderation: true,
        status: { premoderated: true, premoderationReason: 'auto' },
      });
      const next = await post(article.id, 'A civil comment, held for review now.');
      expect(next.body.verdict).toMatchObject({ decision: 'hold', reasons: [expect.objectContaining({ rule: 'article.premoderation' })] });
    });
  });

  describe('memorial mode', () => {
    it('reviews every comment and turns likes and replies off', async () => {
      const article = await anArticle(t.http, admin.token, { memorial: true });
      expect((await t.http.get(`/api/v1/articles/${article.id}`)).body).toMatchObject({
        memorial: true,
        commentsOpen: true,
        status: { premoderated: true, premoderationReason: 'memorial' },
      });
      const held = await post(article.id, 'Rest in peace.');
      expect(held.status).toBe(201);
      expect(held.body.comment.status).toBe('pending');
      await t.http.post(`/api/v1/moderation/comments/${held.body.comment.id}/decision`, { action: 'approve', reason: '' }, { token: moderator.token });
      const liked = await t.http.put(`/api/v1/comments/${held.body.comment.id}/like`, undefined, { token: (await aUser(t.http)).token });
      expect(liked.status).toBe(403);
      expect(liked.body.error.code).toBe('ARTICLE_MEMORIAL');
      const reply = await t.http.post(`/api/v1/articles/${article.id}/comments`, { body: 'A reply.', parentId: held.body.comment.id }, { token: reader.token });
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe('ARTICLE_MEMORIAL');

      const ordinary = await anArticle(t.http, admin.token);
      const comment = await aComment(t.http, reader.token, ordinary.id);
      expect((await t.http.put(`/api/v1/comments/${comment.id}/like`, undefined, { token: moderator.token })).status).toBe(200);
    });
  });
});
