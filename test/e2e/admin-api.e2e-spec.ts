import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anArticle } from '../factories/articles.js';
import { aComment } from '../factories/comments.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import type { HttpResponse, RequestOptions, ResponseBody } from '../helpers/http-client.js';
import { sql } from '../helpers/sql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * What the admin console reads and does: the articles list, the people list and one person's
 * record, the policy's history (versions, diffs, rollback, a draft's dry run) and the log's filters.
 * Another site's staff see none of it.
 */
describe('the admin API', () => {
  let t: TestApp;
  let admin: LoggedInUser;
  let moderator: LoggedInUser;
  let reader: LoggedInUser;
  /** The English edition's moderator: staff, but of another site. */
  let otherModerator: LoggedInUser;
  const english: RequestOptions['headers'] = { 'x-comment-site': 'english' };
  const as = (user: LoggedInUser): RequestOptions => ({ token: user.token });

  beforeAll(async () => {
    t = await startTestApp();
    const operator = await aUser(t.http, { role: 'operator' });
    expect((await t.http.post('/api/v1/sites', { id: 'english', name: 'The English edition' }, { token: operator.token })).status).toBe(201);
    [admin, moderator, reader] = await Promise.all([aUser(t.http, { role: 'admin' }), aUser(t.http, { role: 'moderator' }), aUser(t.http)]);
    const login = await t.http.post('/api/v1/auth/dev', { name: 'english-moderator', role: 'moderator' }, { headers: english });
    otherModerator = { token: login.body.accessToken, user: login.body.user };
  });
  afterAll(() => t.close());

  /** Every item of a paged list, following nextCursor. */
  async function everyPage(path: string, user: LoggedInUser, limit: number): Promise<{ items: ResponseBody[]; pages: number }> {
    const items: ResponseBody[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const response: HttpResponse = await t.http.get(`${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, as(user));
      expect(response.status).toBe(200);
      items.push(...response.body.items);
      cursor = response.body.nextCursor;
      pages++;
    } while (cursor);
    return { items, pages };
  }

  describe('GET /api/v1/articles', () => {
    const prefix = `desk-${process.pid}`;
    let ids: string[];

    beforeAll(async () => {
      const open = await anArticle(t.http, admin.token, { id: `${prefix}-open`, title: 'Budget 50% cut explained', section: 'economy' });
      const closed = await anArticle(t.http, admin.token, { id: `${prefix}-closed`, title: 'Election night', commentsOpen: false });
      const held = await anArticle(t.http, admin.token, { id: `${prefix}-held`, title: 'Court ruling', premoderation: true, section: 'national' });
      const memorial = await anArticle(t.http, admin.token, { id: `${prefix}-memorial`, title: 'In memoriam, 500 days on', memorial: true });
      ids = [open.id, closed.id, held.id, memorial.id];
      await aComment(t.http, reader.token, held.id);
      await aComment(t.http, reader.token, held.id);
    });

    it('lists the articles newest first, each as GET /articles/:id shows it, with its pending comments', async () => {
      const { items } = await everyPage(`/api/v1/articles?search=${prefix}`, moderator, 100);
      expect(items.map((item) => item.id)).toEqual([...ids].reverse());
      const held = items.find((item) => item.id === `${prefix}-held`);
      const single = await t.http.get(`/api/v1/articles/${prefix}-held`);
      expect(held).toEqual({ ...single.body, pendingCount: 2 });
      expect(items.find((item) => item.id === `${prefix}-open`).pendingCount).toBe(0);
    });

    it('pages with a cursor, each article once', async () => {
      const { items, pages } = await everyPage(`/api/v1/articles?search=${prefix}`, moderator, 1);
      expect(pages).toBe(4);
      expect(items.map((item) => item.id)).toEqual([...ids].reverse());
    });

    it('finds an article by a part of its title in any case, by its id, and takes % literally', async () => {
      const byTitle = await t.http.get('/api/v1/articles?search=ELECTION%20NIGHT', as(moderator));
      expect(byTitle.body.items.map((item: ResponseBody) => item.id)).toEqual([`${prefix}-closed`]);
      const byId = await t.http.get(`/api/v1/articles?search=${prefix}-memorial`, as(moderator));
      expect(byId.body.items.map((item: ResponseBody) => item.id)).toEqual([`${prefix}-memorial`]);
      const percent = await t.http.get(`/api/v1/articles?search=${encodeURIComponent('50%')}`, as(moderator));
      expect(percent.body.items.map((item: ResponseBody) => item.id)).toEqual([`${prefix}-open`]);
      const wildcard = await t.http.get(`/api/v1/articles?search=${encodeURIComponent('Bud_et')}`, as(moderator));
      expect(wildcard.body.items).toEqual([]);
    });

    it.each([
      ['open', ['open', 'held', 'memorial']],
      ['closed', ['closed']],
      ['premoderated', ['held']],
      ['memorial', ['memorial']],
    ])('filters by state=%s', async (state, expected) => {
      const response = await t.http.get(`/api/v1/articles?search=${prefix}&state=${state}`, as(moderator));
      expect(response.body.items.map((item: ResponseBody) => item.id).sort()).toEqual(expected.map((name) => `${prefix}-${name}`).sort());
    });

    it('filters by section', async () => {
      const response = await t.http.get(`/api/v1/articles?search=${prefix}&section=national`, as(moderator));
      expect(response.body.items.map((item: ResponseBody) => item.id)).toEqual([`${prefix}-held`]);
    });

    it('refuses a reader with 403 FORBIDDEN and shows another site’s moderator none of this site’s articles', async () => {
      const refused = await t.http.get('/api/v1/articles', as(reader));
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
      const elsewhere = await t.http.get(`/api/v1/articles?search=${prefix}`, { ...as(otherModerator), headers: english });
      expect(elsewhere.status).toBe(200);
      expect(elsewhere.body.items).toEqual([]);
    });

    it('refuses an unknown state and a cursor it did not give out with 400 VALIDATION_FAILED', async () => {
      for (const query of ['state=archived', 'cursor=not-a-cursor']) {
        const response = await t.http.get(`/api/v1/articles?${query}`, as(moderator));
        expect(response.status).toBe(400);
        expect(response.body.error.code).toBe('VALIDATION_FAILED');
      }
    });

    it('logs creating an article, and closing, premoderating and moving it, as article_change with what changed', async () => {
      const id = `${prefix}-logged`;
      await anArticle(t.http, admin.token, { id, title: 'Logged' });
      await anArticle(t.http, admin.token, { id, title: 'Logged, renamed' });
      await anArticle(t.http, admin.token, { id, title: 'Logged, renamed', commentsOpen: false, premoderation: true, section: 'sports' });
      const log = await t.http.get(`/api/v1/moderation/log?articleId=${id}`, as(moderator));
      expect(log.status).toBe(200);
      expect(log.body.entries).toEqual([
        expect.objectContaining({
          action: 'article_change',
          actor: { id: admin.user.id, displayName: admin.user.displayName, kind: 'person' },
          details: expect.objectContaining({ articleId: id, created: true, title: 'Logged' }),
        }),
        expect.objectContaining({
          action: 'article_change',
          details: {
            articleId: id,
            created: false,
            changes: { commentsOpen: { from: true, to: false }, premoderation: { from: false, to: true }, section: { from: null, to: 'sports' } },
          },
        }),
      ]);
    });
  });

  describe('GET /api/v1/moderation/users', () => {
    let alice: LoggedInUser;
    let banned: LoggedInUser;

    beforeAll(async () => {
      alice = await aUser(t.http, { name: `Alice Kim ${process.pid}` });
      banned = await aUser(t.http, { name: `Banned Lee ${process.pid}` });
      const article = await anArticle(t.http, admin.token);
      await aComment(t.http, alice.token, article.id);
      await aComment(t.http, alice.token, article.id);
      const ban = await t.http.post(`/api/v1/moderation/users/${banned.user.id}/ban`, { until: null, reason: 'abuse' }, as(moderator));
      expect(ban.status).toBe(200);
    });

    it('finds a person by a part of their name in any case, with their logins and comment count', async () => {
      const response = await t.http.get(`/api/v1/moderation/users?search=${encodeURIComponent(`alice KIM ${process.pid}`)}`, as(moderator));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        items: [
          {
            id: alice.user.id,
            displayName: alice.user.displayName,
            role: 'reader',
            trust: expect.any(String),
            status: 'active',
            bannedAt: null,
            bannedUntil: null,
            createdAt: expect.any(String),
            identities: [{ provider: 'dev', subject: alice.user.displayName.toLowerCase() }],
            commentCount: 2,
          },
        ],
        nextCursor: null,
      });
    });

    it('finds a person by exact user id, provider:subject and subject', async () => {
      const subject = alice.user.displayName.toLowerCase();
      for (const search of [alice.user.id, `dev:${subject}`, subject]) {
        const response = await t.http.get(`/api/v1/moderation/users?search=${encodeURIComponent(search)}`, as(moderator));
        expect(response.body.items.map((item: ResponseBody) => item.id)).toEqual([alice.user.id]);
      }
    });

    it('filters by ban and by role', async () => {
      const bannedOnes = await t.http.get('/api/v1/moderation/users?banned=true&limit=100', as(moderator));
      expect(bannedOnes.body.items.map((item: ResponseBody) => item.id)).toContain(banned.user.id);
      expect(bannedOnes.body.items.map((item: ResponseBody) => item.id)).not.toContain(alice.user.id);
      expect(bannedOnes.body.items.find((item: ResponseBody) => item.id === banned.user.id)).toMatchObject({
        status: 'banned',
        bannedAt: expect.any(String),
        bannedUntil: null,
      });
      const free = await t.http.get('/api/v1/moderation/users?banned=false&limit=100', as(moderator));
      expect(free.body.items.map((item: ResponseBody) => item.id)).not.toContain(banned.user.id);
      expect(free.body.items.map((item: ResponseBody) => item.id)).toContain(alice.user.id);
      const admins = await t.http.get('/api/v1/moderation/users?role=admin', as(moderator));
      expect(admins.body.items.map((item: ResponseBody) => item.id)).toEqual([admin.user.id]);
    });

    it('pages newest accounts first, each person once', async () => {
      const { items, pages } = await everyPage('/api/v1/moderation/users', moderator, 2);
      expect(pages).toBeGreaterThan(1);
      const ids = items.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.indexOf(banned.user.id)).toBeLessThan(ids.indexOf(alice.user.id));
      expect(ids).not.toContain(otherModerator.user.id);
    });

    it('shows one person with their standing history, newest first', async () => {
      const lifted = await t.http.delete(`/api/v1/moderation/users/${banned.user.id}/ban`, as(moderator));
      expect(lifted.status).toBe(200);
      const promoted = await t.http.put(`/api/v1/moderation/users/${banned.user.id}/role`, { role: 'moderator', reason: 'trusted now' }, as(admin));
      expect(promoted.status).toBe(200);
      const response = await t.http.get(`/api/v1/moderation/users/${banned.user.id}`, as(moderator));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: banned.user.id, role: 'moderator', status: 'active', commentCount: 0 });
      expect(response.body.history.map((entry: ResponseBody) => [entry.action, entry.actor.id])).toEqual([
        ['role_change', admin.user.id],
        ['unban', moderator.user.id],
        ['ban', moderator.user.id],
      ]);
      expect(response.body.history[0]).toMatchObject({ targetUserId: banned.user.id, reason: 'trusted now', details: { from: 'reader', to: 'moderator' } });
    });

    it('leaves out the service’s own accounts, whose role, ban and trust no one can change', async () => {
      const own = await sql<{ id: string; provider: string }>(
        t.databaseUrl,
        "SELECT id::text, provider FROM users WHERE site_id = 'default' AND provider IN ('automation', 'deleted')",
      );
      expect(own.map((account) => account.provider).sort()).toEqual(['automation', 'deleted']);
      const { items } = await everyPage('/api/v1/moderation/users', moderator, 100);
      for (const { id } of own) {
        expect(items.map((item) => item.id)).not.toContain(id);
        expect((await t.http.get(`/api/v1/moderation/users?search=${id}`, as(moderator))).body.items).toEqual([]);
        expect((await t.http.get(`/api/v1/moderation/users/${id}`, as(moderator))).status).toBe(404);
        expect((await t.http.put(`/api/v1/moderation/users/${id}/role`, { role: 'admin', reason: 'x' }, as(admin))).status).toBe(404);
        expect((await t.http.post(`/api/v1/moderation/users/${id}/ban`, { until: null, reason: 'x' }, as(admin))).status).toBe(404);
        expect((await t.http.delete(`/api/v1/moderation/users/${id}/ban`, as(admin))).status).toBe(404);
        expect((await t.http.put(`/api/v1/moderation/users/${id}/trust`, { trust: 'trusted', reason: 'x' }, as(admin))).status).toBe(404);
      }
    });

    it('answers another site’s moderator 404 NOT_FOUND for this site’s person, and a reader 403 FORBIDDEN', async () => {
      const elsewhere = await t.http.get(`/api/v1/moderation/users/${alice.user.id}`, { ...as(otherModerator), headers: english });
      expect(elsewhere.status).toBe(404);
      expect(elsewhere.body.error.code).toBe('NOT_FOUND');
      const list = await t.http.get(`/api/v1/moderation/users?search=${alice.user.id}`, { ...as(otherModerator), headers: english });
      expect(list.body.items).toEqual([]);
      for (const path of ['/api/v1/moderation/users', `/api/v1/moderation/users/${alice.user.id}`]) {
        const refused = await t.http.get(path, as(reader));
        expect(refused.status).toBe(403);
        expect(refused.body.error.code).toBe('FORBIDDEN');
      }
    });
  });

  describe('policy history', () => {
    let rules: ResponseBody;

    beforeAll(async () => {
      rules = (await t.http.get('/api/v1/policy/rules', as(admin))).body;
      const terms = await t.http.patch(
        '/api/v1/policy/rules/terms',
        { version: rules.version + 1, list: 'banned', add: ['deskbannedword'], reason: 'a new slur' },
        as(admin),
      );
      expect(terms.status).toBe(200);
      const { definition } = terms.body;
      const edited = {
        ...definition,
        version: definition.version + 1,
        detectors: { ...definition.detectors, phone: { ...definition.detectors.phone, action: 'reject' } },
      };
      expect((await t.http.put('/api/v1/policy/rules', { definition: edited, reason: 'phones reject' }, as(admin))).status).toBe(200);
    });

    it('lists the versions newest first, with who stored each and why, paged', async () => {
      const { items, pages } = await everyPage('/api/v1/policy/rules/versions', moderator, 1);
      const v = rules.version;
      expect(pages).toBe(3);
      expect(items).toEqual([
        { version: v + 2, createdAt: expect.any(String), createdBy: { id: admin.user.id, displayName: admin.user.displayName }, reason: 'phones reject' },
        { version: v + 1, createdAt: expect.any(String), createdBy: { id: admin.user.id, displayName: admin.user.displayName }, reason: 'a new slur' },
        { version: v, createdAt: expect.any(String), createdBy: null, reason: null },
      ]);
    });

    it('shows one version with its definition, and 404 NOT_FOUND for one the site never had', async () => {
      const one = await t.http.get(`/api/v1/policy/rules/versions/${rules.version + 1}`, as(moderator));
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ version: rules.version + 1, reason: 'a new slur' });
      expect(one.body.definition.terms.banned).toContain('deskbannedword');
      const none = await t.http.get('/api/v1/policy/rules/versions/999', as(moderator));
      expect(none.status).toBe(404);
      expect(none.body.error.code).toBe('NOT_FOUND');
      const elsewhere = await t.http.get(`/api/v1/policy/rules/versions/${rules.version + 1}`, { ...as(otherModerator), headers: english });
      expect(elsewhere.status).toBe(404);
    });

    it('diffs a version against the one before: settings by path, terms as sets', async () => {
      const v = rules.version;
      const latest = await t.http.get(`/api/v1/policy/rules/versions/${v + 2}/diff`, as(moderator));
      expect(latest.body).toEqual({ from: v + 1, to: v + 2, rules: [{ path: 'detectors.phone.action', before: 'hold', after: 'reject' }], terms: [] });
      const terms = await t.http.get(`/api/v1/policy/rules/versions/${v + 1}/diff`, as(moderator));
      expect(terms.body).toEqual({ from: v, to: v + 1, rules: [], terms: [{ list: 'banned', added: ['deskbannedword'], removed: [] }] });
      const across = await t.http.get(`/api/v1/policy/rules/versions/${v}/diff?against=${v + 2}`, as(moderator));
      expect(across.body).toEqual({
        from: v + 2,
        to: v,
        rules: [{ path: 'detectors.phone.action', before: 'reject', after: 'hold' }],
        terms: [{ list: 'banned', added: [], removed: ['deskbannedword'] }],
      });
      const first = await t.http.get(`/api/v1/policy/rules/versions/${v}/diff`, as(moderator));
      expect(first.status).toBe(404);
    });

    it('dry-runs a text against a draft without storing it, and refuses an invalid draft as PUT /rules does', async () => {
      const { definition } = (await t.http.get('/api/v1/policy/rules', as(admin))).body;
      const text = 'A comment with draftonlyword in it.';
      const inForce = await t.http.post('/api/v1/policy/evaluate', { body: text }, as(moderator));
      expect(inForce.body.decision).toBe('publish');
      const draft = { ...definition, terms: { ...definition.terms, banned: [...definition.terms.banned, 'draftonlyword'] } };
      const underDraft = await t.http.post('/api/v1/policy/evaluate', { body: text, definition: draft }, as(moderator));
      expect(underDraft.status).toBe(200);
      expect(underDraft.body.decision).toBe('reject');
      expect((await t.http.get('/api/v1/policy/rules', as(admin))).body.version).toBe(definition.version);

      const broken = { ...definition, detectors: { ...definition.detectors, phone: { enabled: 'yes' } } };
      const viaEvaluate = await t.http.post('/api/v1/policy/evaluate', { body: text, definition: broken }, as(moderator));
      const viaPut = await t.http.put('/api/v1/policy/rules', { definition: { ...broken, version: definition.version + 1 } }, as(admin));
      expect(viaEvaluate.status).toBe(400);
      expect(viaEvaluate.body.error.code).toBe('VALIDATION_FAILED');
      expect(viaEvaluate.body.error.details).toEqual(viaPut.body.error.details);
    });

    it('rolls back by storing an earlier version as a new one in force, logged as rule_rollback; admins only', async () => {
      const v = rules.version;
      const refused = await t.http.post('/api/v1/policy/rules/rollback', { version: v, reason: 'too strict' }, as(moderator));
      expect(refused.status).toBe(403);
      const rolled = await t.http.post('/api/v1/policy/rules/rollback', { version: v, reason: 'too strict' }, as(admin));
      expect(rolled.status).toBe(200);
      expect(rolled.body.version).toBe(v + 3);
      expect(rolled.body.definition.detectors.phone.action).toBe('hold');
      expect(rolled.body.definition.terms.banned).not.toContain('deskbannedword');
      expect((await t.http.get('/api/v1/policy/rules', as(moderator))).body.version).toBe(v + 3);
      const diff = await t.http.get(`/api/v1/policy/rules/versions/${v + 3}/diff?against=${v}`, as(moderator));
      expect(diff.body).toMatchObject({ rules: [], terms: [] });

      const log = await t.http.get('/api/v1/moderation/log?action=rule_rollback', as(moderator));
      expect(log.body.entries).toEqual([
        expect.objectContaining({
          actor: { id: admin.user.id, displayName: admin.user.displayName, kind: 'person' },
          reason: 'too strict',
          details: { fromVersion: v + 2, toVersion: v + 3, rolledBackTo: v },
        }),
      ]);
      const unknown = await t.http.post('/api/v1/policy/rules/rollback', { version: 999, reason: '' }, as(admin));
      expect(unknown.status).toBe(404);
    });
  });

  describe('GET /api/v1/moderation/log filters', () => {
    it('filters by action, actor and time, keeping the page shape', async () => {
      const target = await aUser(t.http);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const before = new Date().toISOString();
      await t.http.put(`/api/v1/moderation/users/${target.user.id}/trust`, { trust: 'watched' }, as(moderator));
      await t.http.put(`/api/v1/moderation/users/${target.user.id}/role`, { role: 'moderator' }, as(admin));
      const byAction = await t.http.get(`/api/v1/moderation/log?action=trust_change&since=${encodeURIComponent(before)}`, as(moderator));
      expect(byAction.body.entries.map((entry: ResponseBody) => [entry.action, entry.targetUserId])).toEqual([['trust_change', target.user.id]]);
      const byActor = await t.http.get(`/api/v1/moderation/log?actorId=${admin.user.id}&since=${encodeURIComponent(before)}`, as(moderator));
      expect(byActor.body.entries.map((entry: ResponseBody) => entry.action)).toEqual(['role_change']);
      const untilBefore = await t.http.get(
        `/api/v1/moderation/log?actorId=${admin.user.id}&since=${encodeURIComponent(before)}&until=${encodeURIComponent(before)}`,
        as(moderator),
      );
      expect(untilBefore.body).toEqual({ entries: [], nextCursor: null });
    });

    it('lists an article’s comment decisions under its articleId', async () => {
      const article = await anArticle(t.http, admin.token, { premoderation: true });
      const comment = await aComment(t.http, reader.token, article.id);
      const decided = await t.http.post(`/api/v1/moderation/comments/${comment.id}/decision`, { action: 'approve' }, as(moderator));
      expect(decided.status).toBe(200);
      const log = await t.http.get(`/api/v1/moderation/log?articleId=${article.id}`, as(moderator));
      expect(log.body.entries.map((entry: ResponseBody) => [entry.action, entry.commentId])).toEqual([
        ['article_change', null],
        ['approve', comment.id],
      ]);
    });

    it('logs an article’s own policy changes as article_policy_change, with what they replaced', async () => {
      const article = await anArticle(t.http, admin.token);
      const set = await t.http.put(`/api/v1/articles/${article.id}/policy`, { overrides: { links: 'reject' }, reason: 'no links here' }, as(admin));
      expect(set.status).toBe(200);
      const log = await t.http.get(`/api/v1/moderation/log?articleId=${article.id}&action=article_policy_change`, as(moderator));
      expect(log.body.entries).toEqual([
        expect.objectContaining({
          actor: { id: admin.user.id, displayName: admin.user.displayName, kind: 'person' },
          reason: 'no links here',
          details: { articleId: article.id, from: {}, to: { links: 'reject' } },
        }),
      ]);
    });

    it('refuses an action the log does not have and a time that is not one with 400 VALIDATION_FAILED', async () => {
      for (const query of ['action=launch', 'since=yesterday']) {
        const response = await t.http.get(`/api/v1/moderation/log?${query}`, as(moderator));
        expect(response.status).toBe(400);
        expect(response.body.error.code).toBe('VALIDATION_FAILED');
      }
    });
  });
});
