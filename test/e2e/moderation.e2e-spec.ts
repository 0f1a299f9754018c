import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anArticle } from '../factories/articles.js';
import { aComment } from '../factories/comments.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

describe('moderation', () => {
  let t: TestApp;
  let admin: LoggedInUser;
  let moderator: LoggedInUser;
  let otherModerator: LoggedInUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await aUser(t.http, { role: 'admin' });
    moderator = await aUser(t.http, { role: 'moderator' });
    otherModerator = await aUser(t.http, { role: 'moderator' });
  });
  afterAll(() => t.close());

  const heldComment = async (articleId?: string) => {
    const article = articleId ?? (await anArticle(t.http, admin.token, { premoderation: true })).id;
    return { articleId: article, comment: await aComment(t.http, (await aUser(t.http)).token, article, { body: 'Held for review, civil text.' }) };
  };
  const decide = (token: string, commentId: string, action: 'approve' | 'reject', reason = 'checked') =>
    t.http.post(`/api/v1/moderation/comments/${commentId}/decision`, { action, reason }, { token });
  const queue = (name: string, query = '', token = moderator.token) => t.http.get(`/api/v1/moderation/queues/${name}${query}`, { token });
  const logOf = async (commentId: string) => (await t.http.get(`/api/v1/moderation/log?commentId=${commentId}`, { token: moderator.token })).body.entries;

  describe('authorisation', () => {
    it.each([
      ['GET', '/api/v1/moderation/queues/pending'],
      ['GET', '/api/v1/moderation/log'],
      ['POST', '/api/v1/moderation/comments/00000000-0000-7000-8000-000000000000/decision'],
      ['POST', '/api/v1/moderation/users/00000000-0000-7000-8000-000000000000/ban'],
    ])('refuses %s %s to a reader with 403 FORBIDDEN and to anonymous callers with 401 AUTH_REQUIRED', async (method, path) => {
      const reader = await aUser(t.http);
      const body = method === 'POST' ? {} : undefined;
      expect((await t.http.request(method, path, body, { token: reader.token })).body.error.code).toBe('FORBIDDEN');
      expect((await t.http.request(method, path, body, {})).body.error.code).toBe('AUTH_REQUIRED');
    });

    it('lets a banned moderator look at the queues and try a text, but not decide, ban or claim, until unbanned', async () => {
      const banned = await aUser(t.http, { role: 'moderator' });
      const { comment } = await heldComment();
      const reader = await aUser(t.http);
      expect(
        (await t.http.post(`/api/v1/moderation/users/${banned.user.id}/ban`, { until: null, reason: 'leaked a queue' }, { token: admin.token })).status,
      ).toBe(200);

      const refused = [
        await decide(banned.token, comment.id, 'approve'),
        await t.http.post(`/api/v1/moderation/users/${reader.user.id}/ban`, { until: null, reason: 'spite' }, { token: banned.token }),
        await t.http.post(`/api/v1/moderation/comments/${comment.id}/claim`, {}, { token: banned.token }),
        await t.http.put(`/api/v1/moderation/users/${reader.user.id}/trust`, { trust: 'watched' }, { token: banned.token }),
      ];
      for (const response of refused) expect([response.status, response.body.error?.code]).toEqual([403, 'USER_BANNED']);
      expect((await queue('pending', '', banned.token)).status).toBe(200);
      expect((await t.http.post('/api/v1/policy/evaluate', { body: 'A civil text.' }, { token: banned.token })).status).toBe(200);

      expect((await t.http.delete(`/api/v1/moderation/users/${banned.user.id}/ban`, { token: admin.token })).status).toBe(200);
      expect((await decide(banned.token, comment.id, 'approve')).status).toBe(200);
    });
  });

  describe('queues', () => {
    it('lists held comments oldest first, with the article, the rule that fired and the author history', async () => {
      const article = await anArticle(t.http, admin.token);
      const author = await aUser(t.http);
      const first = await t.http.post(`/api/v1/articles/${article.id}/comments`, { body: '연락 주세요 010-2222-3333' }, { token: author.token });
      const second = await t.http.post(`/api/v1/articles/${article.id}/comments`, { body: 'mail me at kim@example.com please' }, { token: author.token });
      const response = await queue('pending', `?articleId=${article.id}`);
      expect(response.status).toBe(200);
      expect(response.body.items.map((item: { comment: { id: string } }) => item.comment.id)).toEqual([first.body.comment.id, second.body.comment.id]);
      expect(response.body.items[0]).toMatchObject({
        comment: { status: 'pending', body: '연락 주세요 010-2222-3333' },
        article: { id: article.id, title: article.title },
        reasons: [
          expect.objectContaining({ rule: 'personal.phone', clause: expect.any(String), match: expect.objectContaining({ start: expect.any(Number) }) }),
        ],
        reportCount: 0,
        author: { id: author.user.id, approvedCount: 0 },
      });
      expect((await queue('pending', `?articleId=${article.id}&rule=personal.email`)).body.items.map((i: { comment: { id: string } }) => i.comment.id)).toEqual(
        [second.body.comment.id],
      );
      expect(response.body.nextCursor).toBeNull();
    });

    it('follows a story across its articles with a saved article group', async () => {
      const [a, b, other] = [
        await anArticle(t.http, admin.token, { premoderation: true }),
        await anArticle(t.http, admin.token, { premoderation: true }),
        await anArticle(t.http, admin.token, { premoderation: true }),
      ];
      const inA = (await heldComment(a.id)).comment;
      const inB = (await heldComment(b.id)).comment;
      await heldComment(other.id);
      const group = await t.http.post('/api/v1/moderation/groups', { name: `Troop dispatch ${a.id}`, articleIds: [a.id, b.id] }, { token: moderator.token });
      expect(group.status).toBe(200);
      expect((await t.http.get('/api/v1/moderation/groups', { token: moderator.token })).body.groups).toEqual(expect.arrayContaining([group.body]));
      const items = (await queue('pending', `?group=${group.body.id}`)).body.items;
      expect(items.map((i: { comment: { id: string } }) => i.comment.id)).toEqual([inA.id, inB.id]);
      expect((await t.http.delete(`/api/v1/moderation/groups/${group.body.id}`, { token: moderator.token })).status).toBe(204);
      expect((await queue('pending', `?group=${group.body.id}`)).status).toBe(404);
    });

    it('shows the comment a held reply answers', async () => {
      const article = await anArticle(t.http, admin.token);
      const parent = await aComment(t.http, (await aUser(t.http)).token, article.id, { body: 'The parent comment in the thread.' });
      const reply = await t.http.post(
        `/api/v1/articles/${article.id}/comments`,
        { body: '전화 주세요 010-9999-8888', parentId: parent.id },
        { token: (await aUser(t.http)).token },
      );
      expect(reply.body.comment.status).toBe('pending');
      const [item] = (await queue('pending', `?articleId=${article.id}`)).body.items;
      expect(item.thread).toEqual({
        parent: { id: parent.id, author: { displayName: expect.any(String) }, body: 'The parent comment in the thread.', status: 'published' },
      });
    });

    it('pages a queue with a cursor and refuses an unknown queue with 400', async () => {
      const article = await anArticle(t.http, admin.token, { premoderation: true });
      for (let i = 0; i < 3; i++) await heldComment(article.id);
      const page1 = await queue('pending', `?articleId=${article.id}&limit=2`);
      const page2 = await queue('pending', `?articleId=${article.id}&limit=2&cursor=${page1.body.nextCursor}`);
      expect(page1.body.items).toHaveLength(2);
      expect(page2.body.items).toHaveLength(1);
      expect(page2.body.nextCursor).toBeNull();
      expect((await queue('spam')).status).toBe(400);
    });

    it('puts reported comments in the reported queue with their reports, and approving clears them', async () => {
      const article = await anArticle(t.http, admin.token);
      const comment = await aComment(t.http, (await aUser(t.http)).token, article.id);
      await t.http.post(`/api/v1/comments/${comment.id}/reports`, { reason: 'abuse', note: 'rude' }, { token: (await aUser(t.http)).token });
      const reported = await queue('reported', `?articleId=${article.id}`);
      expect(reported.body.items).toEqual([expect.objectContaining({ reportCount: 1, reports: [expect.objectContaining({ reason: 'abuse', note: 'rude' })] })]);
      expect((await decide(moderator.token, comment.id, 'approve', 'fair criticism')).status).toBe(200);
      expect((await queue('reported', `?articleId=${article.id}`)).body.items).toEqual([]);
      expect((await t.http.get(`/api/v1/articles/${article.id}/comments`)).body.comments.map((c: { id: string }) => c.id)).toEqual([comment.id]);
    });

    it('moves a published comment back to the pending queue at three reports, out of public view', async () => {
      const article = await anArticle(t.http, admin.token);
      const comment = await aComment(t.http, (await aUser(t.http)).token, article.id);
      for (let i = 0; i < 3; i++) await t.http.post(`/api/v1/comments/${comment.id}/reports`, { reason: 'spam' }, { token: (await aUser(t.http)).token });
      expect((await t.http.get(`/api/v1/articles/${article.id}/comments`)).body.comments).toEqual([]);
      expect((await t.http.get(`/api/v1/articles/${article.id}`)).body.commentCount).toBe(0);
      expect((await queue('pending', `?articleId=${article.id}`)).body.items.map((i: { comment: { id: string } }) => i.comment.id)).toEqual([comment.id]);
    });

    it('counts what waits in each queue', async () => {
      const response = await t.http.get('/api/v1/moderation/queues', { token: moderator.token });
      expect(response.status).toBe(200);
      expect(response.body.queues).toEqual({ pending: expect.any(Number), reported: expect.any(Number), rejected: expect.any(Number) });
    });
  });

  describe('decisions', () => {
    it('approves a held comment into the public list and the count, and logs it', async () => {
      const { articleId, comment } = await heldComment();
      const response = await decide(moderator.token, comment.id, 'approve', 'on topic');
      expect(response.status).toBe(200);
      expect(response.body.comment).toMatchObject({ id: comment.id, status: 'published' });
      expect((await t.http.get(`/api/v1/articles/${articleId}/comments`)).body.comments.map((c: { id: string }) => c.id)).toEqual([comment.id]);
      expect((await t.http.get(`/api/v1/articles/${articleId}`)).body.commentCount).toBe(1);
      expect(await logOf(comment.id)).toEqual([
        {
          at: expect.any(String),
          actor: { id: moderator.user.id, displayName: moderator.user.displayName, kind: 'person' },
          action: 'approve',
          commentId: comment.id,
          reason: 'on topic',
          targetUserId: expect.any(String),
          details: {},
        },
      ]);
    });

    it('rejects a published comment: it leaves the public list at once', async () => {
      const article = await anArticle(t.http, admin.token);
      const comment = await aComment(t.http, (await aUser(t.http)).token, article.id);
      expect((await decide(moderator.token, comment.id, 'reject', 'insulting')).body.comment.status).toBe('rejected');
      expect((await t.http.get(`/api/v1/articles/${article.id}/comments`)).body.comments).toEqual([]);
      expect((await t.http.get(`/api/v1/articles/${article.id}`)).body.commentCount).toBe(0);
      expect((await queue('rejected', `?articleId=${article.id}`)).body.items.map((i: { comment: { id: string } }) => i.comment.id)).toEqual([comment.id]);
    });

    it('answers the same decision again with 200 and a different one with 409 ALREADY_DECIDED', async () => {
      const { comment } = await heldComment();
      expect((await decide(moderator.token, comment.id, 'approve')).status).toBe(200);
      expect((await decide(otherModerator.token, comment.id, 'approve')).status).toBe(200);
      const conflict = await decide(otherModerator.token, comment.id, 'reject');
      expect(conflict.status).toBe(409);
      expect(conflict.body.error.code).toBe('ALREADY_DECIDED');
      expect(await logOf(comment.id)).toHaveLength(1);
    });

    it('records exactly one decision when two moderators make 20 parallel attempts', async () => {
      const { articleId, comment } = await heldComment();
      const attempts = await Promise.all(
        Array.from({ length: 20 }, (_, i) => decide(i % 2 ? moderator.token : otherModerator.token, comment.id, i % 4 < 2 ? 'approve' : 'reject')),
      );
      const log = await logOf(comment.id);
      expect(log).toHaveLength(1);
      const winner = log[0].action as 'approve' | 'reject';
      for (const [i, attempt] of attempts.entries()) {
        const action = i % 4 < 2 ? 'approve' : 'reject';
        expect(attempt.status).toBe(action === winner ? 200 : 409);
      }
      expect((await t.http.get(`/api/v1/articles/${articleId}`)).body.commentCount).toBe(winner === 'approve' ? 1 : 0);
    });

    it('lets a moderator overturn a policy rejection, but needs override for another moderator’s decision', async () => {
      const article = await anArticle(t.http, admin.token);
      const rejected = await t.http.post(`/api/v1/articles/${article.id}/comments`, { body: 'fuck, what a headline' }, { token: (await aUser(t.http)).token });
      expect(rejected.status).toBe(422);
      const [item] = (await queue('rejected', `?articleId=${article.id}`)).body.items;
      expect((await decide(moderator.token, item.comment.id, 'approve', 'quoting the headline')).body.comment.status).toBe('published');
      expect((await decide(otherModerator.token, item.comment.id, 'reject')).status).toBe(409);
      const overridden = await t.http.post(
        `/api/v1/moderation/comments/${item.comment.id}/decision`,
        { action: 'reject', reason: 'no', override: true },
        { token: otherModerator.token },
      );
      expect(overridden.body.comment.status).toBe('rejected');
    });

    it('answers 404 for an unknown comment and 400 for an unknown action', async () => {
      expect((await decide(moderator.token, '00000000-0000-7000-8000-000000000000', 'approve')).status).toBe(404);
      const { comment } = await heldComment();
      expect((await t.http.post(`/api/v1/moderation/comments/${comment.id}/decision`, { action: 'maybe' }, { token: moderator.token })).status).toBe(400);
    });
  });

  describe('soft claims', () => {
    it('shows other moderators who is looking at an item, until it expires or is released', async () => {
      const article = await anArticle(t.http, admin.token, { premoderation: true });
      const { comment } = await heldComment(article.id);
      const mine = await t.http.post(`/api/v1/moderation/comments/${comment.id}/claim`, undefined, { token: moderator.token });
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({ commentId: comment.id, moderator: { id: moderator.user.id }, mine: true });
      const theirs = await t.http.post(`/api/v1/moderation/comments/${comment.id}/claim`, undefined, { token: otherModerator.token });
      expect(theirs.body).toMatchObject({ moderator: { id: moderator.user.id, displayName: moderator.user.displayName }, mine: false });
      const [item] = (await queue('pending', `?articleId=${article.id}`, otherModerator.token)).body.items;
      expect(item.claim).toMatchObject({ moderator: { id: moderator.user.id }, mine: false });
      expect((await t.http.delete(`/api/v1/moderation/comments/${comment.id}/claim`, { token: moderator.token })).status).toBe(204);
      expect((await queue('pending', `?articleId=${article.id}`, otherModerator.token)).body.items[0].claim).toBeNull();
      expect((await t.http.post(`/api/v1/moderation/comments/${comment.id}/claim`, undefined, { token: otherModerator.token })).body.mine).toBe(true);
    });
  });

  describe('bulk decisions and the author’s side', () => {
    it('decides up to 100 comments at once and reports each outcome', async () => {
      const article = await anArticle(t.http, admin.token, { premoderation: true });
      const held: { id: string }[] = [];
      for (let i = 0; i < 3; i++) held.push((await heldComment(article.id)).comment);
      await decide(otherModerator.token, held[2]!.id, 'reject');
      const response = await t.http.post(
        '/api/v1/moderation/decisions',
        {
          items: [
            { commentId: held[0]!.id, action: 'approve', reason: 'ok' },
            { commentId: held[1]!.id, action: 'reject', reason: 'off topic' },
            { commentId: held[2]!.id, action: 'approve' },
            { commentId: '00000000-0000-7000-8000-000000000000', action: 'approve' },
          ],
        },
        { token: moderator.token },
      );
      expect(response.status).toBe(200);
      expect(response.body.results.map((r: { outcome: string; error?: { code: string } }) => r.error?.code ?? r.outcome)).toEqual([
        'applied',
        'applied',
        'ALREADY_DECIDED',
        'NOT_FOUND',
      ]);
      expect((await t.http.post('/api/v1/moderation/decisions', { items: [] }, { token: moderator.token })).status).toBe(400);
      const tooMany = Array.from({ length: 101 }, () => ({ commentId: held[0]!.id, action: 'approve' }));
      expect((await t.http.post('/api/v1/moderation/decisions', { items: tooMany }, { token: moderator.token })).status).toBe(400);
    });

    it('shows the author a held comment as awaiting review, and a rejected one with the moderator’s reason', async () => {
      const article = await anArticle(t.http, admin.token, { premoderation: true });
      const author = await aUser(t.http);
      const comment = await aComment(t.http, author.token, article.id, { body: 'My considered view on this story.' });
      const mine = async () => (await t.http.get(`/api/v1/articles/${article.id}/comments`, { token: author.token })).body.comments;
      expect((await mine())[0]).toMatchObject({ id: comment.id, status: 'pending', review: { state: 'awaiting_review', moderatorReason: null } });
      expect((await mine())[0].review.reasons).toEqual([expect.objectContaining({ rule: 'article.premoderation', message: expect.any(String) })]);
      await decide(moderator.token, comment.id, 'reject', 'Please keep to the topic of the article.');
      expect((await mine())[0]).toMatchObject({
        status: 'rejected',
        review: { state: 'rejected', moderatorReason: 'Please keep to the topic of the article.' },
      });
      expect((await t.http.get(`/api/v1/articles/${article.id}/comments`, { token: (await aUser(t.http)).token })).body.comments).toEqual([]);
    });
  });

  describe('bans', () => {
    it('suspends a user until a time: they read but cannot write, and the log says so', async () => {
      const article = await anArticle(t.http, admin.token);
      const troll = await aUser(t.http);
      const until = new Date(Date.now() + 86_400_000).toISOString();
      const response = await t.http.post(`/api/v1/moderation/users/${troll.user.id}/ban`, { until, reason: 'repeated insults' }, { token: moderator.token });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ ...troll.user, status: 'suspended', suspendedUntil: until });
      const refused = await t.http.post(`/api/v1/articles/${article.id}/comments`, { body: 'still here' }, { token: troll.token });
      expect(refused.body.error).toMatchObject({ code: 'USER_BANNED', details: { until } });
      expect((await t.http.get(`/api/v1/articles/${article.id}/comments`, { token: troll.token })).status).toBe(200);
      const log = (await t.http.get(`/api/v1/moderation/log?userId=${troll.user.id}`, { token: moderator.token })).body.entries;
      expect(log).toEqual([expect.objectContaining({ action: 'suspend', targetUserId: troll.user.id, reason: 'repeated insults' })]);
    });

    it('bans for good with until null, rejects the pending comments with it, and lifts the ban', async () => {
      const article = await anArticle(t.http, admin.token, { premoderation: true });
      const spammer = await aUser(t.http);
      const held = await aComment(t.http, spammer.token, article.id, { body: 'Buy cheap watches today.' });
      const banned = await t.http.post(
        `/api/v1/moderation/users/${spammer.user.id}/ban`,
        { until: null, reason: 'spam', rejectPending: true },
        { token: moderator.token },
      );
      expect(banned.body).toMatchObject({ status: 'banned', suspendedUntil: null });
      expect((await queue('rejected', `?articleId=${article.id}`)).body.items.map((i: { comment: { id: string } }) => i.comment.id)).toEqual([held.id]);
      const lifted = await t.http.delete(`/api/v1/moderation/users/${spammer.user.id}/ban`, { token: moderator.token });
      expect(lifted.status).toBe(200);
      expect(lifted.body.status).toBe('active');
      const actions = (await t.http.get(`/api/v1/moderation/log?userId=${spammer.user.id}`, { token: moderator.token })).body.entries.map(
        (e: { action: string }) => e.action,
      );
      expect(actions).toEqual(['ban', 'reject', 'unban']);
    });

    it('refuses a suspension that already ended, an unknown user, and a moderator banning an admin', async () => {
      const target = await aUser(t.http);
      const past = await t.http.post(
        `/api/v1/moderation/users/${target.user.id}/ban`,
        { until: '2020-01-01T00:00:00Z', reason: 'x' },
        { token: moderator.token },
      );
      expect(past.status).toBe(400);
      const unknown = await t.http.post(
        '/api/v1/moderation/users/00000000-0000-7000-8000-000000000000/ban',
        { until: null, reason: 'x' },
        { token: moderator.token },
      );
      expect(unknown.status).toBe(404);
      const upward = await t.http.post(`/api/v1/moderation/users/${admin.user.id}/ban`, { until: null, reason: 'x' }, { token: moderator.token });
      expect(upward.status).toBe(403);
      expect(upward.body.error.code).toBe('FORBIDDEN');
    });
  });

  it('lets an admin name a moderator, and logs the role change', async () => {
    const candidate = await aUser(t.http);
    const response = await t.http.put(
      `/api/v1/moderation/users/${candidate.user.id}/role`,
      { role: 'moderator', reason: 'night shift' },
      { token: admin.token },
    );
    expect(response.body.role).toBe('moderator');
    expect((await queue('pending', '', candidate.token)).status).toBe(200);
    expect((await t.http.put(`/api/v1/moderation/users/${candidate.user.id}/role`, { role: 'admin' }, { token: moderator.token })).status).toBe(403);
    const log = (await t.http.get(`/api/v1/moderation/log?userId=${candidate.user.id}`, { token: moderator.token })).body.entries;
    expect(log).toEqual([expect.objectContaining({ action: 'role_change', details: { from: 'reader', to: 'moderator' } })]);
  });
});
