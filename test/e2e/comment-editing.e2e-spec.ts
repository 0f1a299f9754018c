import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anArticle } from '../factories/articles.js';
import { aComment } from '../factories/comments.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import { sql } from '../helpers/sql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

interface LogEntry {
  action: string;
  actor: { id: string };
  details: unknown;
}

let t: TestApp;
let admin: LoggedInUser;
let moderator: LoggedInUser;

beforeAll(async () => {
  t = await startTestApp();
  admin = await aUser(t.http, { role: 'admin' });
  moderator = await aUser(t.http, { role: 'moderator' });
});
afterAll(() => t.close());

describe('editing a comment', () => {
  const edit = (token: string | undefined, commentId: string, body: unknown) => t.http.patch(`/api/v1/comments/${commentId}`, body, token ? { token } : {});
  const publicList = async (articleId: string) => (await t.http.get(`/api/v1/articles/${articleId}/comments`)).body.comments;
  const commentCount = async (articleId: string) => (await t.http.get(`/api/v1/articles/${articleId}`)).body.commentCount;
  const pendingItem = async (commentId: string) =>
    (await t.http.get('/api/v1/moderation/queues/pending?limit=100', { token: moderator.token })).body.items.find(
      (item: { comment: { id: string } }) => item.comment.id === commentId,
    );
  const logOf = async (commentId: string) => (await t.http.get(`/api/v1/moderation/log?commentId=${commentId}`, { token: moderator.token })).body.entries;
  /** Moves a comment's posting time back, as if it had been posted that long ago. */
  const postedAgo = (commentId: string, seconds: number) =>
    sql(t.databaseUrl, `UPDATE comments SET created_at = now() - make_interval(secs => $2) WHERE id = $1`, [commentId, seconds]);

  it('replaces the text of a published comment: the public sees the new one, marked edited', async () => {
    const article = await anArticle(t.http, admin.token);
    const author = await aUser(t.http);
    const comment = await aComment(t.http, author.token, article.id, { body: 'The first version of my thought.' });
    expect((await publicList(article.id))[0].editedAt).toBeNull();

    const response = await edit(author.token, comment.id, { body: '  The second version of my thought.  ' });

    expect(response.status).toBe(200);
    expect(response.body.verdict).toEqual({ decision: 'publish', reasons: [] });
    expect(response.body.comment).toMatchObject({ id: comment.id, body: 'The second version of my thought.', status: 'published' });
    expect(Date.parse(response.body.comment.editedAt)).toBeGreaterThan(Date.parse(response.body.comment.createdAt));
    const [listed] = await publicList(article.id);
    expect(listed).toMatchObject({ body: 'The second version of my thought.', editedAt: response.body.comment.editedAt });
    expect(await commentCount(article.id)).toBe(1);
    expect((await logOf(comment.id)).map((entry: LogEntry) => [entry.action, entry.actor.id])).toEqual([['edit', author.user.id]]);
  });

  it('takes a published comment out of public view when the policy holds its new text, and shows moderators its history', async () => {
    const article = await anArticle(t.http, admin.token);
    const author = await aUser(t.http);
    const comment = await aComment(t.http, author.token, article.id, { body: 'Call the newsroom if you know more.' });
    expect(await commentCount(article.id)).toBe(1);

    const response = await edit(author.token, comment.id, { body: 'Call me on 010-1234-5678 if you know more.' });

    expect(response.status).toBe(200);
    expect(response.body.verdict.decision).toBe('hold');
    expect(response.body.comment.status).toBe('pending');
    expect(await publicList(article.id)).toEqual([]);
    expect(await commentCount(article.id)).toBe(0);
    const item = await pendingItem(comment.id);
    expect(item.comment.body).toBe('Call me on 010-1234-5678 if you know more.');
    expect(item.reasons.map((reason: { rule: string }) => reason.rule)).toEqual(['personal.phone']);
    expect(item.revisions).toEqual([{ body: 'Call the newsroom if you know more.', writtenAt: comment.createdAt, replacedAt: expect.any(String) }]);
    // Its author still sees it, waiting for review.
    const own = (await t.http.get(`/api/v1/articles/${article.id}/comments`, { token: author.token })).body.comments;
    expect(own).toEqual([expect.objectContaining({ id: comment.id, status: 'pending', review: expect.objectContaining({ state: 'awaiting_review' }) })]);
  });

  it('publishes a held comment whose new text passes, and keeps every earlier text in order', async () => {
    const article = await anArticle(t.http, admin.token);
    const author = await aUser(t.http);
    const comment = await aComment(t.http, author.token, article.id, { body: 'Write to me at reader@example.com please.' });
    expect(comment.status).toBe('pending');

    await edit(author.token, comment.id, { body: 'Write to the letters page, please.' });
    const second = await edit(author.token, comment.id, { body: 'Write to the letters page, please, they answer.' });

    expect(second.body.comment.status).toBe('published');
    expect(await commentCount(article.id)).toBe(1);
    expect(await pendingItem(comment.id)).toBeUndefined();
    const [row] = await sql<{ revisions: string[] }>(
      t.databaseUrl,
      `SELECT json_agg(body ORDER BY written_at) AS revisions FROM comment_revisions WHERE comment_id = $1`,
      [comment.id],
    );
    expect(row?.revisions).toEqual(['Write to me at reader@example.com please.', 'Write to the letters page, please.']);
  });

  it('refuses a text the policy rejects with 422 POLICY_REJECTED and leaves the comment as it was', async () => {
    const article = await anArticle(t.http, admin.token);
    const author = await aUser(t.http);
    const comment = await aComment(t.http, author.token, article.id, { body: 'A perfectly civil remark.' });

    const response = await edit(author.token, comment.id, { body: 'fuck, what a headline' });

    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('POLICY_REJECTED');
    expect(response.body.error.details.reasons[0].rule).toBe('profanity.banned');
    expect((await publicList(article.id))[0]).toMatchObject({ body: 'A perfectly civil remark.', editedAt: null, status: 'published' });
    expect(await logOf(comment.id)).toEqual([]);
  });

  it.each([
    ['an empty text', '', 422, 'COMMENT_EMPTY'],
    ['251 graphemes', '가'.repeat(251), 422, 'COMMENT_TOO_LONG'],
  ])('applies the length rule to the new text: %s is %i %s, and nothing changes', async (_, body, status, code) => {
    const article = await anArticle(t.http, admin.token);
    const author = await aUser(t.http);
    const comment = await aComment(t.http, author.token, article.id, { body: 'Short and civil.' });

    const response = await edit(author.token, comment.id, { body });

    expect([response.status, response.body.error.code]).toEqual([status, code]);
    expect((await publicList(article.id))[0].body).toBe('Short and civil.');
  });

  it('does not hold an edit as a duplicate of the comment’s own earlier text', async () => {
    const article = await anArticle(t.http, admin.token);
    const author = await aUser(t.http);
    const text = 'The council should publish the full budget before the vote.';
    const comment = await aComment(t.http, author.token, article.id, { body: text });

    const response = await edit(author.token, comment.id, { body: `${text}` });

    expect(response.body.verdict).toEqual({ decision: 'publish', reasons: [] });
    // A second comment with that text is still a duplicate.
    const repeat = await t.http.post(`/api/v1/articles/${article.id}/comments`, { body: text }, { token: author.token });
    expect(repeat.body.verdict.reasons.map((reason: { rule: string }) => reason.rule)).toEqual(['spam.duplicate']);
  });

  it('answers 403 EDIT_WINDOW_CLOSED once the edit window has passed', async () => {
    const article = await anArticle(t.http, admin.token);
    const author = await aUser(t.http);
    const comment = await aComment(t.http, author.token, article.id);
    await postedAgo(comment.id, 301);

    const response = await edit(author.token, comment.id, { body: 'Too late for this.' });

    expect(response.status).toBe(403);
    expect(response.body.error).toMatchObject({ code: 'EDIT_WINDOW_CLOSED', details: { windowSeconds: 300 } });
  });

  it('answers 409 COMMENT_DECIDED for a comment a moderator has decided', async () => {
    const article = await anArticle(t.http, admin.token, { premoderation: true });
    const author = await aUser(t.http);
    const approved = await aComment(t.http, author.token, article.id);
    const rejected = await aComment(t.http, author.token, article.id);
    await t.http.post(`/api/v1/moderation/comments/${approved.id}/decision`, { action: 'approve', reason: '' }, { token: moderator.token });
    await t.http.post(`/api/v1/moderation/comments/${rejected.id}/decision`, { action: 'reject', reason: 'off topic' }, { token: moderator.token });

    for (const comment of [approved, rejected]) {
      const response = await edit(author.token, comment.id, { body: 'Trying to change a decided comment.' });
      expect([response.status, response.body.error.code]).toEqual([409, 'COMMENT_DECIDED']);
    }
  });

  it('lets only the author edit: 403 FORBIDDEN to other readers and to moderators, 401 without a token, 404 for what they cannot see', async () => {
    const article = await anArticle(t.http, admin.token);
    const author = await aUser(t.http);
    const comment = await aComment(t.http, author.token, article.id);
    const held = await aComment(t.http, author.token, article.id, { body: 'Mail me: held@example.com' });

    expect((await edit((await aUser(t.http)).token, comment.id, { body: 'Not mine.' })).body.error.code).toBe('FORBIDDEN');
    expect((await edit(moderator.token, comment.id, { body: 'Moderators never edit.' })).body.error.code).toBe('FORBIDDEN');
    expect((await edit(undefined, comment.id, { body: 'Anonymous.' })).body.error.code).toBe('AUTH_REQUIRED');
    expect((await edit((await aUser(t.http)).token, held.id, { body: 'Not mine either.' })).status).toBe(404);
    expect((await edit(author.token, '00000000-0000-7000-8000-000000000000', { body: 'Nothing here.' })).status).toBe(404);
    expect((await edit(author.token, comment.id, { text: 'wrong field' })).body.error.code).toBe('VALIDATION_FAILED');
  });

  it('answers 404 for a deleted comment', async () => {
    const article = await anArticle(t.http, admin.token);
    const author = await aUser(t.http);
    const comment = await aComment(t.http, author.token, article.id);
    await t.http.delete(`/api/v1/comments/${comment.id}`, { token: author.token });

    expect((await edit(author.token, comment.id, { body: 'Back from the dead.' })).status).toBe(404);
  });

  it('counts edits against the posting rate limit', async () => {
    const limited = await startTestApp({ env: { COMMENT_RATE_LIMIT: '2/60' } });
    try {
      const article = await anArticle(limited.http, (await aUser(limited.http, { role: 'admin' })).token);
      const author = await aUser(limited.http);
      const comment = await aComment(limited.http, author.token, article.id);

      const first = await limited.http.patch(`/api/v1/comments/${comment.id}`, { body: 'Edited once.' }, { token: author.token });
      const second = await limited.http.patch(`/api/v1/comments/${comment.id}`, { body: 'Edited twice.' }, { token: author.token });

      expect(first.status).toBe(200);
      expect(second.status).toBe(429);
      expect(second.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await limited.close();
    }
  });

  it('follows COMMENT_EDIT_WINDOW: 0 turns editing off', async () => {
    const noEdits = await startTestApp({ env: { COMMENT_EDIT_WINDOW: '0' } });
    try {
      const article = await anArticle(noEdits.http, (await aUser(noEdits.http, { role: 'admin' })).token);
      const author = await aUser(noEdits.http);
      const comment = await aComment(noEdits.http, author.token, article.id);

      const response = await noEdits.http.patch(`/api/v1/comments/${comment.id}`, { body: 'Edited.' }, { token: author.token });

      expect(response.body.error.code).toBe('EDIT_WINDOW_CLOSED');
      expect((await noEdits.http.get('/api/v1/policy')).body.editWindowSeconds).toBe(0);
    } finally {
      await noEdits.close();
    }
  });
});

describe('author trust', () => {
  const setTrust = (userId: string, trust: string, token = moderator.token) =>
    t.http.put(`/api/v1/moderation/users/${userId}/trust`, { trust, reason: 'seen enough' }, { token });
  const post = (token: string, articleId: string, body: string) => t.http.post(`/api/v1/articles/${articleId}/comments`, { body }, { token });
  const editPolicy = async (edit: (definition: { newAccount: Record<string, unknown> }) => void) => {
    const current = (await t.http.get('/api/v1/policy/rules', { token: admin.token })).body;
    const definition = structuredClone(current.definition);
    definition.version = current.version + 1;
    edit(definition);
    const response = await t.http.put('/api/v1/policy/rules', { definition, reason: 'test' }, { token: admin.token });
    expect(response.status).toBe(200);
  };

  it('holds every comment of an author a moderator put under watch, and logs who did', async () => {
    const article = await anArticle(t.http, admin.token);
    const author = await aUser(t.http);

    const response = await setTrust(author.user.id, 'watched');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ userId: author.user.id, trust: 'watched' });
    expect((await setTrust(author.user.id, 'watched')).status).toBe(200); // the same again changes and logs nothing
    const posted = await post(author.token, article.id, 'A civil comment from a watched author.');
    expect(posted.body.verdict.reasons.map((reason: { rule: string }) => reason.rule)).toEqual(['account.watched']);
    const log = (await t.http.get(`/api/v1/moderation/log?userId=${author.user.id}`, { token: moderator.token })).body.entries;
    expect(log.map((entry: LogEntry) => [entry.action, entry.actor.id, entry.details])).toEqual([
      ['trust_change', moderator.user.id, { from: 'new', to: 'watched' }],
    ]);
  });

  it('makes a new author a regular after enough approved comments, so the new-account review stops', async () => {
    await editPolicy((definition) => (definition.newAccount = { ...definition.newAccount, enabled: true, firstComments: 100, regularAfterApproved: 2 }));
    const article = await anArticle(t.http, admin.token);
    const author = await aUser(t.http);
    const first = await post(author.token, article.id, 'My first comment here, held as new.');
    const second = await post(author.token, article.id, 'My second comment here, held as new too.');
    expect([first.body.verdict.decision, second.body.verdict.decision]).toEqual(['hold', 'hold']);

    for (const { body } of [first, second]) {
      await t.http.post(`/api/v1/moderation/comments/${body.comment.id}/decision`, { action: 'approve', reason: '' }, { token: moderator.token });
    }
    const third = await post(author.token, article.id, 'My third comment, as a regular now.');

    expect(third.body.verdict).toEqual({ decision: 'publish', reasons: [] });
    const queue = (await t.http.get(`/api/v1/moderation/queues/approved?authorId=${author.user.id}`, { token: moderator.token })).body.items;
    expect(queue[0].author.trust).toBe('regular');
  });

  it('lets a moderator exempt a new author from the new-account review with trusted', async () => {
    const article = await anArticle(t.http, admin.token);
    const author = await aUser(t.http);
    await setTrust(author.user.id, 'trusted');

    expect((await post(author.token, article.id, 'A trusted voice, published at once.')).body.verdict.decision).toBe('publish');
  });

  it('refuses an unknown trust level with 400, a reader with 403, an unknown user with 404 and one’s own trust', async () => {
    const author = await aUser(t.http);
    expect((await setTrust(author.user.id, 'vip')).status).toBe(400);
    expect((await setTrust(author.user.id, 'trusted', author.token)).status).toBe(403);
    expect((await setTrust('00000000-0000-7000-8000-000000000000', 'trusted')).status).toBe(404);
    expect((await setTrust(moderator.user.id, 'trusted')).status).toBe(400);
  });
});
