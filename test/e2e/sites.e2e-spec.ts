import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aKeySignedSsoToken, anSsoToken, aUser, type LoggedInUser } from '../factories/users.js';
import type { HttpResponse, RequestOptions } from '../helpers/http-client.js';
import { aPublisherSigningKey, type PublisherSigningKey, startJwksServer, type TestJwksServer } from '../helpers/jwks-server.js';
import { type ServerSentEvent, waitForEvent } from '../helpers/server-sent-events.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const DAILY = 'https://daily.example.kr';
const ENGLISH = 'https://english.example.com';
const ENGLISH_SECRET = 'the-english-editions-own-sso-secret-of-32-chars';
/** A word only the English edition's Standards Board bans. */
const ENGLISH_ONLY_TERM = 'crumpetgate';
const EXPORT_CLI = fileURLToPath(new URL('../../dist/modules/policy/training/export-decisions.cli.js', import.meta.url));

/**
 * Two sites on one deployment: the default one (the environment's: a Korean daily) and an English
 * edition an operator adds through the sites API, with its own origins, SSO keys, term list,
 * moderators and articles. Neither sees the other's comments, users or queues.
 */
describe('sites', () => {
  let t: TestApp;
  let jwks: TestJwksServer;
  let englishKey: PublisherSigningKey;
  let operator: LoggedInUser;
  /** The default site's admin, moderator and reader. */
  let dailyAdmin: LoggedInUser;
  let dailyModerator: LoggedInUser;
  let dailyReader: LoggedInUser;
  /** The English edition's. */
  let englishAdmin: LoggedInUser;
  let englishModerator: LoggedInUser;
  let englishReader: LoggedInUser;

  const on = (site: string, options: RequestOptions = {}): RequestOptions => ({ ...options, headers: { ...options.headers, 'x-comment-site': site } });
  const english = (token?: string): RequestOptions => on('english', token ? { token } : {});
  const post = (articleId: string, body: string, token: string, options: RequestOptions = {}): Promise<HttpResponse> =>
    t.http.post(`/api/v1/articles/${articleId}/comments`, { body }, { ...options, token });

  beforeAll(async () => {
    englishKey = await aPublisherSigningKey('ES256');
    jwks = await startJwksServer([englishKey]);
    t = await startTestApp({ env: { ALLOWED_ORIGINS: DAILY } });
    operator = await aUser(t.http, { role: 'operator' });
    const created = await t.http.post(
      '/api/v1/sites',
      { id: 'english', name: 'The English edition', allowedOrigins: [ENGLISH], ssoSecret: ENGLISH_SECRET, ssoJwksUrl: jwks.url },
      { token: operator.token },
    );
    expect(created.status).toBe(201);
    [dailyAdmin, dailyModerator, dailyReader] = await Promise.all([aUser(t.http, { role: 'admin' }), aUser(t.http, { role: 'moderator' }), aUser(t.http)]);
    [englishAdmin, englishModerator, englishReader] = await Promise.all([
      logInOn('english', 'admin'),
      logInOn('english', 'moderator'),
      logInOn('english', 'reader'),
    ]);
    for (const [admin, title, site] of [
      [dailyAdmin, '한국어 기사', undefined],
      [englishAdmin, 'The English story', 'english'],
    ] as const) {
      const options = site ? on(site, { token: admin.token }) : { token: admin.token };
      const put = await t.http.put('/api/v1/articles/same-id', { title, url: 'https://news.example.com/same-id' }, options);
      expect(put.status).toBe(200);
    }
    const terms = await t.http.patch(
      '/api/v1/policy/rules/terms',
      { version: 2, list: 'banned', add: [ENGLISH_ONLY_TERM], reason: 'the English Standards Board' },
      english(englishAdmin.token),
    );
    expect(terms.status).toBe(200);
  });
  afterAll(async () => {
    await t.close();
    await jwks.close();
  });

  async function logInOn(site: string, role: 'admin' | 'moderator' | 'reader', name = `${site}-${role}-${process.pid}`): Promise<LoggedInUser> {
    const response = await t.http.post('/api/v1/auth/dev', { name, role }, on(site));
    expect(response.status).toBe(200);
    return { token: response.body.accessToken, user: response.body.user };
  }

  describe('the sites API', () => {
    it('lists both sites to an operator, and never a secret', async () => {
      const response = await t.http.get('/api/v1/sites', { token: operator.token });
      expect(response.status).toBe(200);
      expect(response.body.sites).toEqual([
        expect.objectContaining({ id: 'default', allowedOrigins: [DAILY], ssoSecretSet: true, ssoJwksUrl: null }),
        expect.objectContaining({ id: 'english', name: 'The English edition', allowedOrigins: [ENGLISH], ssoSecretSet: true, ssoJwksUrl: jwks.url }),
      ]);
      expect(response.text).not.toContain(ENGLISH_SECRET);
    });

    it("refuses a site's admin with 403 FORBIDDEN: sites are the operators'", async () => {
      expect((await t.http.get('/api/v1/sites', { token: dailyAdmin.token })).status).toBe(403);
      const create = await t.http.post('/api/v1/sites', { id: 'rogue', name: 'Rogue' }, { token: dailyAdmin.token });
      expect(create.status).toBe(403);
    });

    it('answers a second site of the same id with 409 SITE_EXISTS, and a malformed one with 400', async () => {
      const again = await t.http.post('/api/v1/sites', { id: 'english', name: 'Again' }, { token: operator.token });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('SITE_EXISTS');
      const bad = await t.http.post('/api/v1/sites', { id: 'Not A Slug', name: 'x', allowedOrigins: ['not an origin'] }, { token: operator.token });
      expect(bad.status).toBe(400);
    });

    it('answers 404 NOT_FOUND for a request naming a site the deployment does not serve', async () => {
      const response = await t.http.get('/api/v1/articles/same-id', on('nowhere'));
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    });
  });

  describe('logins', () => {
    it("accepts each site's own SSO keys and no other site's", async () => {
      const dailyToken = await anSsoToken({ sub: 'kim' });
      expect((await t.http.post('/api/v1/auth/sso', { token: dailyToken }, english())).body.error?.code).toBe('SSO_TOKEN_INVALID');
      expect((await t.http.post('/api/v1/auth/sso', { token: dailyToken })).status).toBe(200);

      const byKey = await aKeySignedSsoToken(englishKey, { sub: 'smith' });
      expect((await t.http.post('/api/v1/auth/sso', { token: byKey })).body.error?.code).toBe('SSO_TOKEN_INVALID');
      expect((await t.http.post('/api/v1/auth/sso', { token: byKey }, english())).status).toBe(200);

      const bySecret = await anSsoToken({ sub: 'jones' }, { secret: ENGLISH_SECRET });
      expect((await t.http.post('/api/v1/auth/sso', { token: bySecret })).status).toBe(401);
      expect((await t.http.post('/api/v1/auth/sso', { token: bySecret }, english())).status).toBe(200);
    });

    it('makes the same publisher user two accounts, one on each site', async () => {
      const [onDaily, onEnglish] = await Promise.all([
        t.http.post('/api/v1/auth/sso', { token: await anSsoToken({ sub: 'both-sites' }) }),
        t.http.post('/api/v1/auth/sso', { token: await anSsoToken({ sub: 'both-sites' }, { secret: ENGLISH_SECRET }) }, english()),
      ]);
      expect(onDaily.status).toBe(200);
      expect(onEnglish.status).toBe(200);
      expect(onDaily.body.user.id).not.toBe(onEnglish.body.user.id);
    });

    it('refuses a token on the other site with 401 AUTH_REQUIRED', async () => {
      expect((await t.http.get('/api/v1/me', { token: englishReader.token })).status).toBe(401);
      expect((await t.http.get('/api/v1/me', english(dailyReader.token))).status).toBe(401);
      expect((await t.http.get('/api/v1/me', english(englishReader.token))).status).toBe(200);
      const posted = await post('same-id', 'Posting with the wrong site’s login.', dailyReader.token, english());
      expect(posted.status).toBe(401);
      expect(posted.body.error.code).toBe('AUTH_REQUIRED');
    });

    it("lists each site's own SSO and the deployment's providers", async () => {
      const providers = await t.http.get('/api/v1/auth/providers', english());
      expect(providers.body.providers.map((provider: { id: string }) => provider.id)).toEqual(['sso', 'dev']);
      const restricted = await t.http.patch('/api/v1/sites/english', { loginProviders: ['sso'] }, { token: operator.token });
      expect(restricted.status).toBe(200);
      try {
        const after = await t.http.get('/api/v1/auth/providers', english());
        expect(after.body.providers.map((provider: { id: string }) => provider.id)).toEqual(['sso']);
        expect((await t.http.post('/api/v1/auth/dev', { name: 'sneaky', role: 'admin' }, english())).status).toBe(404);
        expect((await t.http.get('/api/v1/auth/providers')).body.providers.map((provider: { id: string }) => provider.id)).toContain('dev');
      } finally {
        await t.http.patch('/api/v1/sites/english', { loginProviders: null }, { token: operator.token });
      }
    });
  });

  describe('articles, policies and comments', () => {
    it('keeps one article id apart on each site', async () => {
      expect((await t.http.get('/api/v1/articles/same-id')).body.title).toBe('한국어 기사');
      expect((await t.http.get('/api/v1/articles/same-id', english())).body.title).toBe('The English story');
    });

    it("judges the same text by each site's term list", async () => {
      const text = `What a ${ENGLISH_ONLY_TERM} this turned out to be.`;
      const daily = await post('same-id', text, dailyReader.token);
      expect(daily.status).toBe(201);
      expect(daily.body.verdict.decision).toBe('publish');
      const onEnglish = await post('same-id', text, englishReader.token, english());
      expect(onEnglish.status).toBe(422);
      expect(onEnglish.body.error.code).toBe('POLICY_REJECTED');
      expect(onEnglish.body.error.details.reasons.map((reason: { rule: string }) => reason.rule)).toContain('profanity.banned');

      const trial = (options: RequestOptions) => t.http.post('/api/v1/policy/evaluate', { body: text }, options);
      expect((await trial({ token: dailyModerator.token })).body.decision).toBe('publish');
      expect((await trial(english(englishModerator.token))).body.decision).toBe('reject');
    });

    it("lists each site's comments on its own article only", async () => {
      const daily = await post('same-id', 'Only the daily readers see this one.', dailyReader.token);
      const onEnglish = await post('same-id', 'Only the English readers see this one.', englishReader.token, english());
      expect([daily.status, onEnglish.status]).toEqual([201, 201]);
      const bodies = async (options: RequestOptions) =>
        ((await t.http.get('/api/v1/articles/same-id/comments?sort=newest&limit=100', options)).body.comments as { body: string }[]).map((c) => c.body);
      expect(await bodies({})).toContain('Only the daily readers see this one.');
      expect(await bodies({})).not.toContain('Only the English readers see this one.');
      expect(await bodies(english())).toEqual(['Only the English readers see this one.']);
      expect((await t.http.get('/api/v1/articles/same-id', english())).body.commentCount).toBe(1);
      // A daily comment's replies are not reachable through the English site either.
      const replies = await t.http.get(`/api/v1/articles/same-id/comments?parentId=${daily.body.comment.id}`, english());
      expect(replies.status).toBe(404);
    });
  });

  describe('moderation', () => {
    let dailyHeld: string;
    let englishHeld: string;

    beforeAll(async () => {
      // Links are held for review by the default policy on either site.
      dailyHeld = (await post('same-id', 'Daily: see https://daily-link.example/a for more.', dailyReader.token)).body.comment.id;
      englishHeld = (await post('same-id', 'English: see https://english-link.example/a for more.', englishReader.token, english())).body.comment.id;
    });

    it("shows each site's moderators their own queue only", async () => {
      const queueIds = async (options: RequestOptions) =>
        ((await t.http.get('/api/v1/moderation/queues/pending?limit=100', options)).body.items as { comment: { id: string } }[]).map((i) => i.comment.id);
      const dailyQueue = await queueIds({ token: dailyModerator.token });
      const englishQueue = await queueIds(english(englishModerator.token));
      expect(dailyQueue).toContain(dailyHeld);
      expect(dailyQueue).not.toContain(englishHeld);
      expect(englishQueue).toEqual([englishHeld]);
      expect((await t.http.get('/api/v1/moderation/queues', english(englishModerator.token))).body.queues.pending).toBe(1);
    });

    it("answers another site's moderator 404 on its items, and 401 with its token on the other site", async () => {
      const decide = (commentId: string, options: RequestOptions) =>
        t.http.post(`/api/v1/moderation/comments/${commentId}/decision`, { action: 'reject', reason: 'cross-site' }, options);
      expect((await decide(dailyHeld, english(englishModerator.token))).status).toBe(404);
      expect((await decide(dailyHeld, { token: englishModerator.token })).status).toBe(401);
      expect((await t.http.post(`/api/v1/moderation/comments/${dailyHeld}/claim`, undefined, english(englishModerator.token))).status).toBe(404);
      expect((await t.http.delete(`/api/v1/comments/${dailyHeld}`, english(englishModerator.token))).status).toBe(404);
      const ban = await t.http.post(`/api/v1/moderation/users/${dailyReader.user.id}/ban`, { until: null, reason: 'x' }, english(englishModerator.token));
      expect(ban.status).toBe(404);
      // The daily comment is as it was.
      expect((await t.http.get('/api/v1/moderation/queues/pending?limit=100', { token: dailyModerator.token })).body.items).toEqual(
        expect.arrayContaining([expect.objectContaining({ comment: expect.objectContaining({ id: dailyHeld, status: 'pending' }) })]),
      );
    });

    it("keeps each site's moderation log to itself", async () => {
      const approved = await t.http.post(
        `/api/v1/moderation/comments/${englishHeld}/decision`,
        { action: 'approve', reason: 'fine' },
        english(englishModerator.token),
      );
      expect(approved.status).toBe(200);
      const log = async (options: RequestOptions) => (await t.http.get('/api/v1/moderation/log?limit=100', options)).body.entries as { commentId: string }[];
      expect((await log(english(englishModerator.token))).map((entry) => entry.commentId)).toContain(englishHeld);
      expect((await log({ token: dailyModerator.token })).map((entry) => entry.commentId)).not.toContain(englishHeld);
      expect((await t.http.get(`/api/v1/moderation/log?commentId=${englishHeld}`, { token: dailyModerator.token })).body.entries).toEqual([]);
    });

    it("keeps each site's labelled decisions apart: the export takes --site, and every line names its site", async () => {
      const dailyText = 'Daily export: see https://daily-export.example/a now.';
      const englishText = 'English export: see https://english-export.example/a now.';
      // Readers of their own: the others have used up their quota on this article.
      const dailyId = (await post('same-id', dailyText, (await aUser(t.http)).token)).body.comment.id as string;
      const englishId = (await post('same-id', englishText, (await logInOn('english', 'reader', `exporter-${process.pid}`)).token, english())).body.comment
        .id as string;
      const reject = (commentId: string, options: RequestOptions) =>
        t.http.post(`/api/v1/moderation/comments/${commentId}/decision`, { action: 'reject', reason: 'spam link' }, options);
      expect((await reject(dailyId, { token: dailyModerator.token })).status).toBe(200);
      expect((await reject(englishId, english(englishModerator.token))).status).toBe(200);

      const exportDecisions = async (...args: string[]) => {
        const { stdout } = await promisify(execFile)(process.execPath, [EXPORT_CLI, ...args], {
          env: { ...process.env, DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'silent' },
        });
        return stdout
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as { text: string; site: string; label: number });
      };
      const every = await exportDecisions();
      expect(every.find((line) => line.text === dailyText)).toMatchObject({ site: 'default', label: 1 });
      expect(every.find((line) => line.text === englishText)).toMatchObject({ site: 'english', label: 1 });
      const onlyEnglish = await exportDecisions('--site', 'english');
      expect(onlyEnglish.map((line) => line.text)).toContain(englishText);
      expect(onlyEnglish.map((line) => line.text)).not.toContain(dailyText);
      expect(new Set(onlyEnglish.map((line) => line.site))).toEqual(new Set(['english']));
      await expect(exportDecisions('--site', 'nowhere')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--site nowhere: no such site') });
      // Each export starts a process of its own.
    }, 60_000);

    it('lets an operator moderate any site', async () => {
      const response = await t.http.get('/api/v1/moderation/queues/pending', english(operator.token));
      expect(response.status).toBe(200);
    });
  });

  describe("what a site's moderators see", () => {
    let readers = 0;
    /** A reader of their own: each reader may post only a few comments under one article. */
    const freshReader = async (site: 'default' | 'english'): Promise<LoggedInUser> =>
      site === 'default' ? aUser(t.http) : logInOn('english', 'reader', `english-reader-${process.pid}-${++readers}`);
    const held = async (site: 'default' | 'english', text: string): Promise<string> => {
      const posted = await post('same-id', `${text} https://held.example/${site}`, (await freshReader(site)).token, site === 'english' ? english() : {});
      expect(posted.body.comment.status).toBe('pending');
      return posted.body.comment.id as string;
    };
    const queue = async (name: string, options: RequestOptions, query = '') => {
      const response = await t.http.get(`/api/v1/moderation/queues/${name}?limit=100${query}`, options);
      expect(response.status).toBe(200);
      return response.body.items as { comment: { id: string; body: string }; claim: { moderator: { id: string } } | null }[];
    };
    const bodies = async (name: string, options: RequestOptions) => (await queue(name, options)).map((item) => item.comment.body);

    it("keeps the reported and rejected queues each site's own", async () => {
      const dailyText = 'Daily, reported: a published comment someone disliked.';
      const englishText = 'English, reported: a published comment someone disliked.';
      for (const [text, site] of [
        [dailyText, 'default'],
        [englishText, 'english'],
      ] as const) {
        const options = site === 'english' ? english : (token?: string) => (token ? { token } : {});
        const posted = await post('same-id', text, (await freshReader(site)).token, options());
        expect(posted.body.comment.status).toBe('published');
        const report = await t.http.post(`/api/v1/comments/${posted.body.comment.id}/reports`, { reason: 'abuse' }, options((await freshReader(site)).token));
        expect(report.status).toBe(201);
      }
      expect(await bodies('reported', { token: dailyModerator.token })).toContain(dailyText);
      expect(await bodies('reported', { token: dailyModerator.token })).not.toContain(englishText);
      expect(await bodies('reported', english(englishModerator.token))).toEqual([englishText]);

      // The English Standards Board's own term rejected a comment there (above); the daily published it.
      const rejected = `What a ${ENGLISH_ONLY_TERM} this turned out to be.`;
      expect(await bodies('rejected', english(englishModerator.token))).toContain(rejected);
      expect(await bodies('rejected', { token: dailyModerator.token })).not.toContain(rejected);
      expect(await bodies('approved', { token: dailyModerator.token })).not.toContain(englishText);
    });

    it("streams each site's queue changes to its own moderators only, and an operator's to the site its request names", async () => {
      const events = `${t.baseUrl}/api/v1/moderation/events`;
      const englishIds: string[] = [];
      const dailyIds: string[] = [];
      const about = (seen: ServerSentEvent[], ids: string[]) => seen.filter((event) => ids.includes(event.data.commentId as string));

      // The English events happen first; the daily sentinel ends the daily stream.
      const onDaily = await waitForEvent(
        events,
        dailyModerator.token,
        async () => {
          englishIds.push(await held('english', 'English, live:'));
          const claimed = await t.http.post(`/api/v1/moderation/comments/${englishIds[0]}/claim`, undefined, english(englishModerator.token));
          expect(claimed.status).toBe(200);
          dailyIds.push(await held('default', 'Daily, live:'));
        },
        (event) => event.data.commentId === dailyIds[0],
      );
      expect(about(onDaily, dailyIds)).toHaveLength(1);
      expect(about(onDaily, englishIds)).toEqual([]);
      expect(onDaily.some((event) => JSON.stringify(event.data).includes(englishModerator.user.id))).toBe(false);

      for (const [token, headers] of [
        [englishModerator.token, { 'x-comment-site': 'english' }],
        [operator.token, { 'x-comment-site': 'english' }],
      ] as const) {
        const before = englishIds.length;
        const seen = await waitForEvent(
          events,
          token,
          async () => {
            dailyIds.push(await held('default', 'Daily, live again:'));
            englishIds.push(await held('english', 'English, live again:'));
          },
          (event) => event.data.commentId === englishIds[before],
          headers,
        );
        expect(about(seen, [englishIds[before]!])).toEqual([
          { event: 'queue', data: expect.objectContaining({ type: 'comment.queued', commentId: englishIds[before], status: 'pending' }) },
        ]);
        expect(about(seen, dailyIds)).toEqual([]);
        expect(JSON.stringify(seen)).not.toContain('"siteId"');
      }
    });

    it("never shows a site's claims to another site, nor lets another site's moderator take or drop one", async () => {
      const dailyId = await held('default', 'Daily, claimed:');
      const claimed = await t.http.post(`/api/v1/moderation/comments/${dailyId}/claim`, undefined, { token: dailyModerator.token });
      expect(claimed.status).toBe(200);
      // The claim exists: the English moderator still learns nothing of it.
      const across = await t.http.post(`/api/v1/moderation/comments/${dailyId}/claim`, undefined, english(englishModerator.token));
      expect(across.status).toBe(404);
      expect(across.text).not.toContain(dailyModerator.user.id);
      // Dropping it from the other site answers as for any claim one does not hold, and leaves it in place.
      expect((await t.http.delete(`/api/v1/moderation/comments/${dailyId}/claim`, english(englishModerator.token))).status).toBe(204);
      const dailyItem = (await queue('pending', { token: dailyModerator.token })).find((item) => item.comment.id === dailyId);
      expect(dailyItem?.claim?.moderator.id).toBe(dailyModerator.user.id);
      const englishQueue = await queue('pending', english(englishModerator.token));
      expect(englishQueue.map((item) => item.comment.id)).not.toContain(dailyId);
      expect(englishQueue.filter((item) => item.claim?.moderator.id === dailyModerator.user.id)).toEqual([]);
    });

    it("keeps saved article groups each site's own", async () => {
      const saved = await t.http.post('/api/v1/moderation/groups', { name: 'The story', articleIds: ['same-id'] }, english(englishModerator.token));
      expect(saved.status).toBe(200);
      const groupId = saved.body.id as string;
      const dailyGroups = await t.http.get('/api/v1/moderation/groups', { token: dailyModerator.token });
      expect(dailyGroups.body.groups.map((group: { id: string }) => group.id)).not.toContain(groupId);
      // The same name is free on the daily: groups are per site.
      const dailySaved = await t.http.post('/api/v1/moderation/groups', { name: 'The story', articleIds: ['same-id'] }, { token: dailyModerator.token });
      expect(dailySaved.status).toBe(200);
      expect(dailySaved.body.id).not.toBe(groupId);

      const filtered = await t.http.get(`/api/v1/moderation/queues/pending?group=${groupId}`, { token: dailyModerator.token });
      expect(filtered.status).toBe(404);
      const englishItems = await queue('pending', english(englishModerator.token), `&group=${groupId}`);
      expect(englishItems.length).toBeGreaterThan(0);
      expect(englishItems.every((item) => item.comment.body.startsWith('English'))).toBe(true);
      expect((await t.http.delete(`/api/v1/moderation/groups/${groupId}`, { token: dailyModerator.token })).status).toBe(404);
      const englishGroups = await t.http.get('/api/v1/moderation/groups', english(englishModerator.token));
      expect(englishGroups.body.groups.map((group: { id: string }) => group.id)).toEqual([groupId]);
    });

    it("names each site's own automation actor in its log when the automatic moderation acts", async () => {
      const actors: Record<string, { id: string; displayName: string; kind: string }> = {};
      for (const [site, admin] of [
        ['default', dailyAdmin],
        ['english', englishAdmin],
      ] as const) {
        const options = (token: string) => (site === 'english' ? english(token) : { token });
        expect(
          (await t.http.put('/api/v1/articles/auto-story', { title: 'A heated story', url: 'https://news.example.com/auto' }, options(admin.token))).status,
        ).toBe(200);
        const overrides = { autoModeration: { windowMinutes: 30, minComments: 2, threshold: 0.5, action: 'premoderate' } };
        expect((await t.http.put('/api/v1/articles/auto-story/policy', { overrides }, options(admin.token))).status).toBe(200);
        for (const n of [1, 2]) {
          const posted = await post(
            'auto-story',
            `Held ${n}: https://held.example/${site}/${n}`,
            (await freshReader(site)).token,
            site === 'english' ? english() : {},
          );
          expect(posted.body.comment.status).toBe('pending');
        }
        const moderator = site === 'english' ? englishModerator : dailyModerator;
        const log = (await t.http.get('/api/v1/moderation/log?limit=200', options(moderator.token))).body.entries as {
          action: string;
          actor: { id: string; displayName: string; kind: string };
          details: { articleId?: string };
        }[];
        const entry = log.find((candidate) => candidate.action === 'auto_premoderate' && candidate.details.articleId === 'auto-story');
        expect(entry?.actor).toMatchObject({ displayName: 'Comment Desk automation', kind: 'automation' });
        actors[site] = entry!.actor;
      }
      expect(actors.english!.id).not.toBe(actors.default!.id);
    });

    it('works an operator on the site X-Comment-Site names, and on the default site without it', async () => {
      const dailyId = await held('default', 'Daily, for the operator:');
      const englishId = await held('english', 'English, for the operator:');
      const onEnglish = (await queue('pending', english(operator.token))).map((item) => item.comment.id);
      expect(onEnglish).toContain(englishId);
      expect(onEnglish).not.toContain(dailyId);
      expect(onEnglish).toEqual((await queue('pending', english(englishModerator.token))).map((item) => item.comment.id));
      const onDefault = (await queue('pending', { token: operator.token })).map((item) => item.comment.id);
      expect(onDefault).toContain(dailyId);
      expect(onDefault).not.toContain(englishId);

      const decide = (commentId: string, options: RequestOptions) =>
        t.http.post(`/api/v1/moderation/comments/${commentId}/decision`, { action: 'approve', reason: 'the operator' }, options);
      expect((await decide(dailyId, english(operator.token))).status).toBe(404);
      expect((await decide(englishId, english(operator.token))).status).toBe(200);
      const log = await t.http.get(`/api/v1/moderation/log?commentId=${englishId}`, english(englishModerator.token));
      expect(log.body.entries).toEqual([
        expect.objectContaining({ action: 'approve', actor: { id: operator.user.id, displayName: operator.user.displayName, kind: 'person' } }),
      ]);
      expect((await t.http.get(`/api/v1/moderation/log?commentId=${englishId}`, { token: operator.token })).body.entries).toEqual([]);
    });
  });

  describe('embedding', () => {
    const frame = (origin: string, site?: string) =>
      t.http.get(`/embed/frame?${new URLSearchParams({ articleId: 'same-id', lang: 'en', origin, ...(site ? { site } : {}) })}`);

    it("serves a site's frame to its own origins only, framed by them", async () => {
      const onEnglish = await frame(ENGLISH, 'english');
      expect(onEnglish.status).toBe(200);
      expect(onEnglish.headers.get('content-security-policy')).toContain(`frame-ancestors 'self' ${ENGLISH}`);
      expect((await frame(DAILY, 'english')).status).toBe(403);
      expect((await frame(ENGLISH)).status).toBe(403);
      expect((await frame(DAILY)).status).toBe(200);
      expect((await frame(ENGLISH, 'nowhere')).status).toBe(404);
    });

    it("answers CORS for every site's origins, and a request from one names its site", async () => {
      const preflight = await t.http.request('OPTIONS', '/api/v1/articles/same-id/comments', undefined, {
        headers: { origin: ENGLISH, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-comment-site, authorization' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBe(ENGLISH);
      expect(preflight.headers.get('access-control-allow-headers')).toContain('x-comment-site');
      const foreign = await t.http.get('/api/v1/policy', { headers: { origin: 'https://evil.example' } });
      expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
      // No header: the Origin names the English edition.
      expect((await t.http.get('/api/v1/articles/same-id', { headers: { origin: ENGLISH } })).body.title).toBe('The English story');
    });
  });
});
