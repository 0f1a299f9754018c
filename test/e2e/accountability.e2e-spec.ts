import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anArticle } from '../factories/articles.js';
import { aComment } from '../factories/comments.js';
import { aSite } from '../factories/sites.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import { turnOffQuotas } from '../helpers/policy.js';
import { sql } from '../helpers/sql.js';
import { eventually } from '../helpers/eventually.js';
import { startInstancePair, startTestApp, type TestApp } from '../helpers/test-app.js';

describe('public profiles and like caps', () => {
  let t: TestApp;
  let admin: LoggedInUser;
  let articleId: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { LIKE_DAILY_CAP: '3', LIKE_MIN_GAP_SECONDS: '0' } });
    admin = await aUser(t.http, { role: 'admin' });
    await turnOffQuotas(t.http, admin.token);
    articleId = (await anArticle(t.http, admin.token, { title: 'The budget vote' })).id;
  });
  afterAll(() => t.close());

  it("shows a reader's record: join date, published comments with their articles, likes received, and the 30-day self-deletion share", async () => {
    const reader = await aUser(t.http);
    const moderator = await aUser(t.http, { role: 'moderator' });
    const comments: Awaited<ReturnType<typeof aComment>>[] = [];
    for (let i = 0; i < 5; i++) comments.push(await aComment(t.http, reader.token, articleId, { body: `Profile comment number ${i}.` }));
    // Deleted by the author a long time ago: outside the 30 days.
    expect((await t.http.delete(`/api/v1/comments/${comments[0]!.id}`, { token: reader.token })).status).toBe(204);
    await sql(t.databaseUrl, "UPDATE comments SET created_at = now() - interval '40 days' WHERE id = $1", [comments[0]!.id]);
    // In the 30 days: one deleted by the author, one by a moderator.
    expect((await t.http.delete(`/api/v1/comments/${comments[1]!.id}`, { token: reader.token })).status).toBe(204);
    expect((await t.http.delete(`/api/v1/comments/${comments[2]!.id}`, { token: moderator.token })).status).toBe(204);
    expect((await t.http.put(`/api/v1/comments/${comments[3]!.id}/like`, undefined, { token: moderator.token })).status).toBe(200);
    expect((await t.http.put(`/api/v1/comments/${comments[4]!.id}/like`, undefined, { token: admin.token })).status).toBe(200);

    const profile = await t.http.get(`/api/v1/users/${reader.user.id}/profile`);
    expect(profile.status).toBe(200);
    expect(profile.body).toEqual({
      user: { id: reader.user.id, displayName: reader.user.displayName, joinedAt: expect.any(String) },
      likesReceived: 2,
      last30Days: { written: 4, deletedByAuthor: 1, deletionRatio: 0.25 },
      comments: [4, 3].map((i) => ({
        id: comments[i]!.id,
        body: `Profile comment number ${i}.`,
        createdAt: comments[i]!.createdAt,
        likeCount: 1,
        article: { id: articleId, title: 'The budget vote', url: `https://news.example.com/${articleId}` },
      })),
    });
  });

  it('answers 404 NOT_FOUND for an unknown reader and for the deleted-account stand-in', async () => {
    for (const id of ['00000000-0000-7000-8000-000000000001', '00000000-0000-7000-8000-00000000dead']) {
      expect((await t.http.get(`/api/v1/users/${id}/profile`)).body.error.code).toBe('NOT_FOUND');
    }
  });

  it('caps the likes a reader gives a day with 429 RATE_LIMITED and Retry-After', async () => {
    const liker = await aUser(t.http);
    const author = await aUser(t.http);
    const targets: Awaited<ReturnType<typeof aComment>>[] = [];
    for (let i = 0; i < 4; i++) targets.push(await aComment(t.http, author.token, articleId));
    const answers = [];
    for (const target of targets) answers.push(await t.http.put(`/api/v1/comments/${target.id}/like`, undefined, { token: liker.token }));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
    expect(answers[3]!.body.error.code).toBe('RATE_LIMITED');
    expect(Number(answers[3]!.headers.get('retry-after'))).toBeGreaterThan(86_000);
    // The refused like was not stored, and taking one back is never capped.
    expect(
      (await t.http.get(`/api/v1/articles/${articleId}/comments?sort=newest&limit=100`)).body.comments.find((c: { id: string }) => c.id === targets[3]!.id)
        .likeCount,
    ).toBe(0);
    expect((await t.http.delete(`/api/v1/comments/${targets[0]!.id}/like`, { token: liker.token })).status).toBe(200);
  });

  it('does not count liking again a comment the reader already likes', async () => {
    const liker = await aUser(t.http);
    const author = await aUser(t.http);
    const [liked, other] = [await aComment(t.http, author.token, articleId), await aComment(t.http, author.token, articleId)];
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.http.put(`/api/v1/comments/${liked.id}/like`, undefined, { token: liker.token })).status);
    // The cap is three likes a day: the repeats cost nothing, so a second comment can still be liked.
    statuses.push((await t.http.put(`/api/v1/comments/${other.id}/like`, undefined, { token: liker.token })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
  });
});

describe('like gap and profiles off', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { LIKE_MIN_GAP_SECONDS: '30', PUBLIC_PROFILES: 'false' } });
  });
  afterAll(() => t.close());

  it('refuses a second like within the least gap with 429 RATE_LIMITED', async () => {
    const admin = await aUser(t.http, { role: 'admin' });
    const articleId = (await anArticle(t.http, admin.token)).id;
    const author = await aUser(t.http);
    const [first, second] = [await aComment(t.http, author.token, articleId), await aComment(t.http, author.token, articleId)];
    const liker = await aUser(t.http);
    expect((await t.http.put(`/api/v1/comments/${first.id}/like`, undefined, { token: liker.token })).status).toBe(200);
    const refused = await t.http.put(`/api/v1/comments/${second.id}/like`, undefined, { token: liker.token });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(30);
  });

  it('has no public profiles when the site turns them off', async () => {
    const reader = await aUser(t.http);
    expect((await t.http.get(`/api/v1/users/${reader.user.id}/profile`)).body.error.code).toBe('NOT_FOUND');
  });
});

/**
 * Two sites, each with its own accountability settings: the default site follows the deployment's
 * variables (a cap of 3 likes a day), a second site turns profiles off and allows one like a day.
 */
describe('accountability settings per site', () => {
  let t: TestApp;
  let operator: LoggedInUser;
  let quiet: Awaited<ReturnType<typeof aSite>>;

  beforeAll(async () => {
    t = await startTestApp({ env: { LIKE_DAILY_CAP: '3', ACCOUNT_DELETION: 'anonymise' } });
    operator = await aUser(t.http, { role: 'operator' });
    quiet = await aSite(t.http, operator.token, { accountability: { publicProfiles: false, likeDailyCap: 1 } });
  });
  afterAll(() => t.close());

  it("shows each site's settings in force, and which follow the deployment's defaults, to operators and to the site's own admins", async () => {
    const expected = {
      accountability: { publicProfiles: false, likeDailyCap: 1, likeMinGapSeconds: 0, accountDeletion: 'anonymise' },
      accountabilityInherited: ['likeMinGapSeconds', 'accountDeletion'],
    };
    expect(quiet.view).toMatchObject(expected);
    expect((await t.http.get(`/api/v1/sites/${quiet.id}`, { token: operator.token })).body).toMatchObject(expected);
    const quietAdmin = await aUser(quiet.http, { role: 'admin' });
    const own = await quiet.http.get('/api/v1/site', { token: quietAdmin.token });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: quiet.id, ...expected });
    const dailyAdmin = await aUser(t.http, { role: 'admin' });
    expect((await t.http.get('/api/v1/site', { token: dailyAdmin.token })).body).toMatchObject({
      id: 'default',
      accountability: { publicProfiles: true, likeDailyCap: 3, likeMinGapSeconds: 0, accountDeletion: 'anonymise' },
      accountabilityInherited: ['publicProfiles', 'likeDailyCap', 'likeMinGapSeconds', 'accountDeletion'],
    });
    // Readers and moderators do not; a site's admin changes nothing (operators do).
    expect((await quiet.http.get('/api/v1/site', { token: (await aUser(quiet.http, { role: 'moderator' })).token })).status).toBe(403);
    expect((await quiet.http.patch(`/api/v1/sites/${quiet.id}`, { accountability: { likeDailyCap: 9 } }, { token: quietAdmin.token })).status).toBe(403);
  });

  it.each([[{ likeDailyCap: -1 }], [{ likeMinGapSeconds: 3_601 }], [{ accountDeletion: 'purge' }], [{ publicProfiles: 'yes' }], [{ likeCap: 5 }]])(
    'refuses accountability %j with 400 VALIDATION_FAILED and changes nothing',
    async (accountability) => {
      const refused = await t.http.patch(`/api/v1/sites/${quiet.id}`, { accountability }, { token: operator.token });
      expect([refused.status, refused.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect((await t.http.get(`/api/v1/sites/${quiet.id}`, { token: operator.token })).body.accountability).toEqual({
        publicProfiles: false,
        likeDailyCap: 1,
        likeMinGapSeconds: 0,
        accountDeletion: 'anonymise',
      });
    },
  );

  it('answers 404 NOT_FOUND for profiles on the site that turns them off, while the other site shows them; a change is in force at once', async () => {
    const dailyReader = await aUser(t.http);
    const quietReader = await aUser(quiet.http);
    expect((await t.http.get(`/api/v1/users/${dailyReader.user.id}/profile`)).status).toBe(200);
    const hidden = await quiet.http.get(`/api/v1/users/${quietReader.user.id}/profile`);
    expect([hidden.status, hidden.body.error.code]).toEqual([404, 'NOT_FOUND']);

    const on = await t.http.patch(`/api/v1/sites/${quiet.id}`, { accountability: { publicProfiles: true } }, { token: operator.token });
    expect(on.body).toMatchObject({ accountability: { publicProfiles: true }, accountabilityInherited: ['likeMinGapSeconds', 'accountDeletion'] });
    expect((await quiet.http.get(`/api/v1/users/${quietReader.user.id}/profile`)).status).toBe(200);
    // Null hands the setting back to the deployment (PUBLIC_PROFILES, true here); off again after.
    const inherited = await t.http.patch(`/api/v1/sites/${quiet.id}`, { accountability: { publicProfiles: null } }, { token: operator.token });
    expect(inherited.body.accountabilityInherited).toContain('publicProfiles');
    expect((await quiet.http.get(`/api/v1/users/${quietReader.user.id}/profile`)).status).toBe(200);
    await t.http.patch(`/api/v1/sites/${quiet.id}`, { accountability: { publicProfiles: false } }, { token: operator.token });
    expect((await quiet.http.get(`/api/v1/users/${quietReader.user.id}/profile`)).status).toBe(404);
  });

  it("caps likes by each site's own cap: one a day on the second site, three on the default one", async () => {
    const likes = async (http: typeof t.http, token: string) => {
      const admin = await aUser(http, { role: 'admin' });
      const articleId = (await anArticle(http, admin.token)).id;
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        // Each by another author: the policy's quota of comments per article stays out of it.
        const target = await aComment(http, (await aUser(http)).token, articleId);
        statuses.push((await http.put(`/api/v1/comments/${target.id}/like`, undefined, { token })).status);
      }
      return statuses;
    };
    expect(await likes(quiet.http, (await aUser(quiet.http)).token)).toEqual([200, 429, 429, 429]);
    expect(await likes(t.http, (await aUser(t.http)).token)).toEqual([200, 200, 200, 429]);
  });
});

describe('accountability settings across instances', () => {
  it('puts a change made on one instance in force on the other within moments', async () => {
    const pair = await startInstancePair();
    try {
      const operator = await aUser(pair.a.http, { role: 'operator' });
      const reader = await aUser(pair.b.http);
      const profileOnB = () => pair.b.http.get(`/api/v1/users/${reader.user.id}/profile`);
      expect((await profileOnB()).status).toBe(200);
      expect((await pair.a.http.patch('/api/v1/sites/default', { accountability: { publicProfiles: false } }, { token: operator.token })).status).toBe(200);
      expect((await eventually(profileOnB, (answer) => answer.status === 404)).status).toBe(404);
    } finally {
      await pair.close();
    }
  });
});
