import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anArticle } from '../factories/articles.js';
import { aComment } from '../factories/comments.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import { sql } from '../helpers/sql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

describe('posting, listing, replying and deleting comments', () => {
  let t: TestApp;
  let admin: LoggedInUser;
  let reader: LoggedInUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await aUser(t.http, { role: 'admin' });
    reader = await aUser(t.http);
  });
  afterAll(() => t.close());

  const post = (token: string, articleId: string, body: unknown, headers: Record<string, string> = {}) =>
    t.http.post(`/api/v1/articles/${articleId}/comments`, body, { token, headers });
  const list = (articleId: string, query = '', token?: string) => t.http.get(`/api/v1/articles/${articleId}/comments${query}`, token ? { token } : {});

  describe('posting', () => {
    it('publishes a civil comment at once and answers the contract Comment and Verdict', async () => {
      const article = await anArticle(t.http, admin.token);
      const response = await post(reader.token, article.id, { body: '좋은 기사 감사합니다. 잘 읽었습니다.' });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        comment: {
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          articleId: article.id,
          parentId: null,
          author: { id: reader.user.id, displayName: reader.user.displayName },
          body: '좋은 기사 감사합니다. 잘 읽었습니다.',
          status: 'published',
          createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
          editedAt: null,
          replyCount: 0,
          likeCount: 0,
          featured: false,
        },
        verdict: { decision: 'publish', reasons: [] },
      });
      const listed = await list(article.id);
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual({ comments: [response.body.comment], nextCursor: null });
      expect((await t.http.get(`/api/v1/articles/${article.id}`)).body.commentCount).toBe(1);
    });

    it('stores and returns the normalised body: NFC, LF line ends, no bidi controls, trimmed', async () => {
      const article = await anArticle(t.http, admin.token);
      const response = await post(reader.token, article.id, { body: '  \u1112\u1161\u11ab\u202e글\r\n두 줄\rfine\ufeff  ' });
      expect(response.status).toBe(201);
      expect(response.body.comment.body).toBe('한글\n두 줄\nfine');
    });

    it('accepts exactly 250 graphemes of emoji, flags and Hangul', async () => {
      const article = await anArticle(t.http, admin.token);
      const body = '👨‍👩‍👧‍👦'.repeat(100) + '🇰🇷'.repeat(50) + '가'.repeat(100);
      const response = await post(reader.token, article.id, { body });
      expect(response.status).toBe(201);
      expect(response.body.comment.body).toBe(body);
    });

    it('refuses 251 graphemes with 422 COMMENT_TOO_LONG and the limit and length', async () => {
      const article = await anArticle(t.http, admin.token);
      const response = await post(reader.token, article.id, { body: '가'.repeat(250) + '👍🏽' });
      expect(response.status).toBe(422);
      expect(response.body).toEqual({ error: { code: 'COMMENT_TOO_LONG', message: expect.any(String), details: { limit: 250, length: 251 } } });
      expect((await list(article.id)).body.comments).toEqual([]);
    });

    it('refuses the worst 16 KiB body, "a " 8,000 times, with COMMENT_TOO_LONG counted to one past the limit', async () => {
      const article = await anArticle(t.http, admin.token);
      const response = await post(reader.token, article.id, { body: 'a '.repeat(8000) });
      expect(response.status).toBe(422);
      expect(response.body).toEqual({
        error: { code: 'COMMENT_TOO_LONG', message: expect.any(String), details: { limit: 250, length: 251, atLeast: true } },
      });
    });

    it('keeps at most 30 combining marks in a row', async () => {
      const article = await anArticle(t.http, admin.token);
      const response = await post(reader.token, article.id, { body: `Zalgo o${'\u0308'.repeat(8000)}!` });
      expect(response.status).toBe(201);
      expect(response.body.comment.body).toBe(`Zalgo \u00F6${'\u0308'.repeat(29)}!`);
    });

    it.each([
      ['an empty string', ''],
      ['white space only', ' \n\t\r\n '],
      ['bidi controls and BOM only', '\u202a\u202e\u2066\ufeff '],
    ])('refuses %s with 422 COMMENT_EMPTY', async (_, body) => {
      const article = await anArticle(t.http, admin.token);
      const response = await post(reader.token, article.id, { body });
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('COMMENT_EMPTY');
    });

    it.each([
      ['a missing body', {}],
      ['a numeric body', { body: 42 }],
      ['a null body', { body: null }],
      ['an unknown field', { body: 'hi there', mood: 'happy' }],
      ['a parentId that is not a UUID', { body: 'hi there', parentId: 'abc' }],
    ])('refuses %s with 400 VALIDATION_FAILED', async (_, body) => {
      const article = await anArticle(t.http, admin.token);
      const response = await post(reader.token, article.id, body);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('refuses an anonymous post with 401 AUTH_REQUIRED', async () => {
      const article = await anArticle(t.http, admin.token);
      const response = await t.http.post(`/api/v1/articles/${article.id}/comments`, { body: 'hello' });
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('AUTH_REQUIRED');
    });

    it('refuses a post to an unknown article with 404 NOT_FOUND and to a closed one with 403 ARTICLE_CLOSED', async () => {
      expect((await post(reader.token, 'no-such-article', { body: 'hello' })).body.error.code).toBe('NOT_FOUND');
      const closed = await anArticle(t.http, admin.token, { commentsOpen: false });
      const response = await post(reader.token, closed.id, { body: 'hello' });
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('ARTICLE_CLOSED');
    });

    it('lets a banned user read but refuses writes with 403 USER_BANNED and when the ban ends', async () => {
      const article = await anArticle(t.http, admin.token);
      const suspended = await aUser(t.http);
      const until = new Date(Date.now() + 3600_000);
      await sql(t.databaseUrl, 'UPDATE users SET banned_at = now(), banned_until = $2 WHERE id = $1', [suspended.user.id, until]);
      const response = await post(suspended.token, article.id, { body: 'let me in' });
      expect(response.status).toBe(403);
      expect(response.body.error).toEqual({ code: 'USER_BANNED', message: expect.any(String), details: { until: until.toISOString() } });
      expect((await list(article.id, '', suspended.token)).status).toBe(200);
      expect((await t.http.get('/api/v1/me', { token: suspended.token })).body).toMatchObject({ status: 'suspended', suspendedUntil: until.toISOString() });

      const banned = await aUser(t.http);
      await sql(t.databaseUrl, 'UPDATE users SET banned_at = now(), banned_until = NULL WHERE id = $1', [banned.user.id]);
      const permanent = await post(banned.token, article.id, { body: 'let me in' });
      expect(permanent.status).toBe(403);
      expect(permanent.body.error.details).toEqual({ until: null });
    });
  });

  describe('the Standards Board policy at posting', () => {
    it('rejects profanity with 422 POLICY_REJECTED naming the rule, and shows nothing', async () => {
      const article = await anArticle(t.http, admin.token);
      const response = await post(reader.token, article.id, { body: '시1발 이게 기사냐' });
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('POLICY_REJECTED');
      expect(response.body.error.details.reasons).toEqual(
        expect.arrayContaining([expect.objectContaining({ rule: 'profanity.banned', message: expect.any(String) })]),
      );
      expect((await list(article.id, '', reader.token)).body.comments).toEqual([]);
      expect((await t.http.get(`/api/v1/articles/${article.id}`)).body.commentCount).toBe(0);
    });

    it('holds a comment with a phone number as pending, shown to its author only', async () => {
      const article = await anArticle(t.http, admin.token);
      const author = await aUser(t.http);
      const response = await post(author.token, article.id, { body: '제보는 010-1234-5678 으로 연락 주세요' });
      expect(response.status).toBe(201);
      expect(response.body.comment.status).toBe('pending');
      expect(response.body.verdict).toEqual({ decision: 'hold', reasons: [expect.objectContaining({ rule: 'personal.phone' })] });
      expect((await list(article.id, '', author.token)).body.comments.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([
        [response.body.comment.id, 'pending'],
      ]);
      expect((await list(article.id)).body.comments).toEqual([]);
      expect((await list(article.id, '', reader.token)).body.comments).toEqual([]);
      expect((await t.http.get(`/api/v1/articles/${article.id}`)).body.commentCount).toBe(0);
    });

    it('holds every comment on a premoderated article', async () => {
      const article = await anArticle(t.http, admin.token, { premoderation: true });
      const response = await post(reader.token, article.id, { body: '평범하고 예의 바른 댓글입니다.' });
      expect(response.status).toBe(201);
      expect(response.body.comment.status).toBe('pending');
      expect(response.body.verdict.decision).toBe('hold');
    });

    it('answers GET /policy with the length rule and the policy page', async () => {
      const response = await t.http.get('/api/v1/policy');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ maxLength: 250, lengthUnit: 'grapheme', policyUrl: expect.stringMatching(/^http.*\/policy$/), editWindowSeconds: 300 });
    });
  });

  describe('replies', () => {
    it('lists replies under their parent, counts them, and keeps them out of the top-level list', async () => {
      const article = await anArticle(t.http, admin.token);
      const parent = await aComment(t.http, reader.token, article.id);
      const replier = await aUser(t.http);
      const reply = await post(replier.token, article.id, { body: '동의합니다, 좋은 지적이에요.', parentId: parent.id });
      expect(reply.status).toBe(201);
      expect(reply.body.comment.parentId).toBe(parent.id);

      const top = await list(article.id);
      expect(top.body.comments.map((c: { id: string }) => c.id)).toEqual([parent.id]);
      expect(top.body.comments[0].replyCount).toBe(1);
      const replies = await list(article.id, `?parentId=${parent.id}`);
      expect(replies.body.comments.map((c: { id: string }) => c.id)).toEqual([reply.body.comment.id]);
      expect((await t.http.get(`/api/v1/articles/${article.id}`)).body.commentCount).toBe(2);
    });

    it('files a reply to a reply in the same thread (replies are one level deep)', async () => {
      const article = await anArticle(t.http, admin.token);
      const parent = await aComment(t.http, reader.token, article.id);
      const reply = await aComment(t.http, (await aUser(t.http)).token, article.id, { parentId: parent.id });
      const nested = await post((await aUser(t.http)).token, article.id, { body: 'Replying to the reply here.', parentId: reply.id });
      expect(nested.status).toBe(201);
      expect(nested.body.comment.parentId).toBe(parent.id);
    });

    it('refuses a reply to an unknown comment or one under another article with 404 NOT_FOUND', async () => {
      const article = await anArticle(t.http, admin.token);
      const other = await anArticle(t.http, admin.token);
      const elsewhere = await aComment(t.http, reader.token, other.id);
      for (const parentId of ['00000000-0000-7000-8000-000000000000', elsewhere.id]) {
        const response = await post(reader.token, article.id, { body: 'hello there', parentId });
        expect(response.status).toBe(404);
        expect(response.body.error.code).toBe('NOT_FOUND');
      }
    });
  });

  describe('deleting', () => {
    it('lets the author delete: the comment leaves the list and the count', async () => {
      const article = await anArticle(t.http, admin.token);
      const comment = await aComment(t.http, reader.token, article.id);
      expect((await t.http.delete(`/api/v1/comments/${comment.id}`, { token: reader.token })).status).toBe(204);
      expect((await list(article.id)).body.comments).toEqual([]);
      expect((await t.http.get(`/api/v1/articles/${article.id}`)).body.commentCount).toBe(0);
      expect((await t.http.delete(`/api/v1/comments/${comment.id}`, { token: reader.token })).status).toBe(204);
      expect((await t.http.get(`/api/v1/articles/${article.id}`)).body.commentCount).toBe(0);
    });

    it("refuses another reader's delete with 403 FORBIDDEN and lets a moderator delete", async () => {
      const article = await anArticle(t.http, admin.token);
      const comment = await aComment(t.http, reader.token, article.id);
      const other = await aUser(t.http);
      const refused = await t.http.delete(`/api/v1/comments/${comment.id}`, { token: other.token });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
      const moderator = await aUser(t.http, { role: 'moderator' });
      expect((await t.http.delete(`/api/v1/comments/${comment.id}`, { token: moderator.token })).status).toBe(204);
    });

    it('keeps a deleted comment with replies in its place as "deleted", without its text', async () => {
      const article = await anArticle(t.http, admin.token);
      const parent = await aComment(t.http, reader.token, article.id, { body: 'Text that must disappear.' });
      await aComment(t.http, (await aUser(t.http)).token, article.id, { parentId: parent.id });
      await t.http.delete(`/api/v1/comments/${parent.id}`, { token: reader.token });
      const [shown] = (await list(article.id)).body.comments;
      expect(shown).toMatchObject({ id: parent.id, status: 'deleted', body: '', replyCount: 1 });
      expect((await t.http.get(`/api/v1/articles/${article.id}`)).body.commentCount).toBe(1);
    });

    it('answers 404 NOT_FOUND for an unknown comment, 400 for a malformed id, 401 without a token', async () => {
      expect((await t.http.delete('/api/v1/comments/00000000-0000-7000-8000-000000000000', { token: reader.token })).status).toBe(404);
      expect((await t.http.delete('/api/v1/comments/not-a-uuid', { token: reader.token })).status).toBe(400);
      expect((await t.http.delete('/api/v1/comments/00000000-0000-7000-8000-000000000000')).status).toBe(401);
    });
  });

  describe('likes and reports', () => {
    it('counts one like per reader, takes it back, and tells the viewer what they liked', async () => {
      const article = await anArticle(t.http, admin.token);
      const comment = await aComment(t.http, reader.token, article.id);
      const fan = await aUser(t.http);
      expect((await t.http.put(`/api/v1/comments/${comment.id}/like`, undefined, { token: fan.token })).body).toEqual({
        commentId: comment.id,
        liked: true,
        likeCount: 1,
      });
      expect((await t.http.put(`/api/v1/comments/${comment.id}/like`, undefined, { token: fan.token })).body.likeCount).toBe(1);
      expect((await list(article.id, '', fan.token)).body.comments[0]).toMatchObject({ likeCount: 1, likedByMe: true });
      expect((await list(article.id, '', reader.token)).body.comments[0]).toMatchObject({ likeCount: 1, likedByMe: false });
      expect((await t.http.delete(`/api/v1/comments/${comment.id}/like`, { token: fan.token })).body).toEqual({
        commentId: comment.id,
        liked: false,
        likeCount: 0,
      });
      expect((await t.http.delete(`/api/v1/comments/${comment.id}/like`, { token: fan.token })).body.likeCount).toBe(0);
    });

    it("refuses a reader's like on their own comment with 403 FORBIDDEN and counts nothing", async () => {
      const article = await anArticle(t.http, admin.token);
      const comment = await aComment(t.http, reader.token, article.id);
      const refused = await t.http.put(`/api/v1/comments/${comment.id}/like`, undefined, { token: reader.token });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
      expect((await list(article.id, '', reader.token)).body.comments[0]).toMatchObject({ likeCount: 0, likedByMe: false });
      // Taking a like back stays possible.
      expect((await t.http.delete(`/api/v1/comments/${comment.id}/like`, { token: reader.token })).status).toBe(200);
    });

    it('sorts by likes with sort=top', async () => {
      const article = await anArticle(t.http, admin.token);
      const [a, b, c] = [
        await aComment(t.http, reader.token, article.id),
        await aComment(t.http, (await aUser(t.http)).token, article.id),
        await aComment(t.http, (await aUser(t.http)).token, article.id),
      ];
      for (const [comment, likes] of [
        [b, 2],
        [c, 1],
      ] as const) {
        for (let i = 0; i < likes; i++) await t.http.put(`/api/v1/comments/${comment.id}/like`, undefined, { token: (await aUser(t.http)).token });
      }
      const top = await list(article.id, '?sort=top');
      expect(top.body.comments.map((x: { id: string }) => x.id)).toEqual([b.id, c.id, a.id]);
    });

    it('answers the first report with 201 and a repeat by the same reader with 200, counted once', async () => {
      const article = await anArticle(t.http, admin.token);
      const comment = await aComment(t.http, reader.token, article.id);
      const reporter = await aUser(t.http);
      const first = await t.http.post(`/api/v1/comments/${comment.id}/reports`, { reason: 'abuse', note: '인신공격입니다' }, { token: reporter.token });
      expect(first.status).toBe(201);
      const again = await t.http.post(`/api/v1/comments/${comment.id}/reports`, { reason: 'spam' }, { token: reporter.token });
      expect(again.status).toBe(200);
      const [row] = await sql<{ report_count: number }>(t.databaseUrl, 'SELECT report_count FROM comments WHERE id = $1', [comment.id]);
      expect(row!.report_count).toBe(1);
    });

    it.each([
      ['an unknown reason', { reason: 'ugly' }],
      ['no reason', { note: 'bad' }],
      ['a note over 500 characters', { reason: 'other', note: 'x'.repeat(501) }],
    ])('refuses a report with %s with 400 VALIDATION_FAILED', async (_, body) => {
      const article = await anArticle(t.http, admin.token);
      const comment = await aComment(t.http, reader.token, article.id);
      const response = await t.http.post(`/api/v1/comments/${comment.id}/reports`, body, { token: reader.token });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('answers likes and reports on a comment that is not published with 404 NOT_FOUND', async () => {
      const article = await anArticle(t.http, admin.token, { premoderation: true });
      const held = await aComment(t.http, reader.token, article.id);
      expect((await t.http.put(`/api/v1/comments/${held.id}/like`, undefined, { token: reader.token })).status).toBe(404);
      expect((await t.http.post(`/api/v1/comments/${held.id}/reports`, { reason: 'spam' }, { token: reader.token })).status).toBe(404);
    });
  });

  describe('pagination', () => {
    it('pages through every comment once, in order, and ends with a null cursor', async () => {
      const article = await anArticle(t.http, admin.token);
      const ids: string[] = [];
      for (let i = 0; i < 25; i++)
        ids.push((await aComment(t.http, (await aUser(t.http)).token, article.id, { body: `Comment number ${i} on this story.` })).id);
      for (const [sort, expected] of [
        ['newest', [...ids].reverse()],
        ['oldest', ids],
      ] as const) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: { body: { comments: { id: string }[]; nextCursor: string | null } } = await list(
            article.id,
            `?sort=${sort}&limit=10${cursor ? `&cursor=${cursor}` : ''}`,
          );
          seen.push(...page.body.comments.map((c) => c.id));
          cursor = page.body.nextCursor;
        } while (cursor);
        expect(seen).toEqual(expected);
      }
    });

    it.each([
      ['limit=0', '?limit=0'],
      ['limit=101', '?limit=101'],
      ['limit=ten', '?limit=ten'],
      ['an unknown sort', '?sort=hot'],
      ['a forged cursor', '?cursor=bm90LWEtY3Vyc29y'],
      ['an unknown parameter', '?page=2'],
      ['a parentId that is not a UUID', '?parentId=42'],
    ])('refuses %s with 400 VALIDATION_FAILED', async (_, query) => {
      const article = await anArticle(t.http, admin.token);
      const response = await list(article.id, query);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('refuses a cursor from another sort with 400 VALIDATION_FAILED', async () => {
      const article = await anArticle(t.http, admin.token);
      for (let i = 0; i < 3; i++) await aComment(t.http, (await aUser(t.http)).token, article.id);
      const { nextCursor } = (await list(article.id, '?sort=newest&limit=1')).body;
      expect((await list(article.id, `?sort=oldest&cursor=${nextCursor}`)).status).toBe(400);
    });

    it('answers 404 NOT_FOUND for the comments of an unknown article', async () => {
      expect((await list('nobody-wrote-this')).status).toBe(404);
    });
  });
});

describe('POST /policy/evaluate', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('tells a moderator what posting a text would decide, without posting it', async () => {
    const moderator = await aUser(t.http, { role: 'moderator' });
    const admin = await aUser(t.http, { role: 'admin' });
    const article = await anArticle(t.http, admin.token, { premoderation: true });
    const civil = await t.http.post('/api/v1/policy/evaluate', { body: '좋은 기사네요.' }, { token: moderator.token });
    expect(civil.status).toBe(200);
    expect(civil.body).toEqual({ decision: 'publish', reasons: [] });
    const rude = await t.http.post('/api/v1/policy/evaluate', { body: 'ㅅ1발 뭐야', articleId: article.id }, { token: moderator.token });
    expect(rude.body.decision).toBe('reject');
    expect(rude.body.reasons.map((r: { rule: string }) => r.rule)).toEqual(expect.arrayContaining(['profanity.banned', 'article.premoderation']));
    expect((await t.http.get(`/api/v1/articles/${article.id}/comments`, { token: moderator.token })).body.comments).toEqual([]);
  });

  it('refuses a reader with 403 FORBIDDEN and an anonymous caller with 401 AUTH_REQUIRED', async () => {
    const reader = await aUser(t.http);
    expect((await t.http.post('/api/v1/policy/evaluate', { body: 'x' }, { token: reader.token })).body.error.code).toBe('FORBIDDEN');
    expect((await t.http.post('/api/v1/policy/evaluate', { body: 'x' })).body.error.code).toBe('AUTH_REQUIRED');
  });

  it('answers 404 NOT_FOUND for an unknown article and 400 for a missing body', async () => {
    const moderator = await aUser(t.http, { role: 'moderator' });
    expect((await t.http.post('/api/v1/policy/evaluate', { body: 'hi', articleId: 'nope' }, { token: moderator.token })).status).toBe(404);
    expect((await t.http.post('/api/v1/policy/evaluate', {}, { token: moderator.token })).status).toBe(400);
  });
});
