import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anArticle } from '../factories/articles.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import { eventually } from '../helpers/eventually.js';
import type { HttpClient, HttpResponse } from '../helpers/http-client.js';
import { startInstancePair, type TestApp } from '../helpers/test-app.js';

/** A word no list of the default policy holds, so only a layer can make it count. */
const WORD = 'flubberwock';

/**
 * The policy in layers: the site's policy, then the changes of an article's section, then the
 * article's own. The verdict names the layer each reason came from, and a change made on one
 * instance is in force on the other once announced.
 */
describe('policy layers: site → section → article', () => {
  let a: TestApp;
  let b: TestApp;
  let close: () => Promise<void>;
  let admin: LoggedInUser;
  let moderator: LoggedInUser;
  let reader: LoggedInUser;
  let politics: string;
  let politicsExempt: string;
  let sports: string;

  beforeAll(async () => {
    ({ a, b, close } = await startInstancePair());
    [admin, moderator, reader] = await Promise.all([aUser(a.http, { role: 'admin' }), aUser(a.http, { role: 'moderator' }), aUser(a.http)]);
    politics = (await anArticle(a.http, admin.token, { section: 'politics' })).id;
    politicsExempt = (await anArticle(a.http, admin.token, { section: 'politics' })).id;
    sports = (await anArticle(a.http, admin.token, { section: 'sports' })).id;
    const section = await a.http.put(
      '/api/v1/policy/sections/politics',
      { overrides: { terms: { banned: { add: [WORD] } }, links: 'reject' }, reason: 'election period' },
      { token: admin.token },
    );
    expect(section.status).toBe(200);
    const exempt = await a.http.put(
      `/api/v1/articles/${politicsExempt}/policy`,
      { overrides: { terms: { banned: { remove: [WORD] } }, links: 'allow' }, reason: 'an explainer that quotes it' },
      { token: admin.token },
    );
    expect(exempt.status).toBe(200);
  });
  afterAll(() => close());

  const evaluate = (http: HttpClient, articleId: string, body: string): Promise<HttpResponse> =>
    http.post('/api/v1/policy/evaluate', { body, articleId }, { token: moderator.token });
  const reasonsOf = (response: HttpResponse): { rule: string; layer: string }[] =>
    response.body.reasons.map(({ rule, layer }: { rule: string; layer: string }) => ({ rule, layer }));

  it("rejects a term the section bans, naming the section's layer, and lets it through elsewhere", async () => {
    const text = `That ${WORD} of a speech.`;
    const onPolitics = await a.http.post(`/api/v1/articles/${politics}/comments`, { body: text }, { token: reader.token });
    expect(onPolitics.status).toBe(422);
    expect(onPolitics.body.error.details.reasons).toEqual([expect.objectContaining({ rule: 'profanity.banned', layer: 'section' })]);
    const onSports = await a.http.post(`/api/v1/articles/${sports}/comments`, { body: `A ${WORD} of a match.` }, { token: reader.token });
    expect(onSports.status).toBe(201);
    expect(onSports.body.verdict).toEqual({ decision: 'publish', reasons: [] });
  });

  it("lets the article's own change override its section's", async () => {
    const text = `Quoting the ${WORD} remark in full.`;
    expect((await evaluate(a.http, politicsExempt, text)).body).toEqual({ decision: 'publish', reasons: [] });
    const posted = await a.http.post(`/api/v1/articles/${politicsExempt}/comments`, { body: text }, { token: reader.token });
    expect(posted.status).toBe(201);
  });

  it('names the layer of every setting that made a link reason: site, section or article', async () => {
    const text = 'Sources: https://example.org/report';
    expect(reasonsOf(await evaluate(a.http, sports, text))).toEqual([{ rule: 'links.url', layer: 'site' }]);
    const politicsVerdict = await evaluate(a.http, politics, text);
    expect(politicsVerdict.body.decision).toBe('reject');
    expect(reasonsOf(politicsVerdict)).toEqual([{ rule: 'links.url', layer: 'section' }]);
    expect((await evaluate(a.http, politicsExempt, text)).body).toEqual({ decision: 'publish', reasons: [] });
  });

  it("shows an article's effective policy with the layer of each setting", async () => {
    const response = await a.http.get(`/api/v1/articles/${politicsExempt}/policy`, { token: moderator.token });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      articleId: politicsExempt,
      section: 'politics',
      layers: { section: { links: 'reject' }, article: { links: 'allow' } },
      settings: {
        links: { value: 'allow', layer: 'article' },
        quotas: { daily: { value: { enabled: true, limit: 20 }, layer: 'site' } },
        premoderation: { value: false, layer: 'article' },
        terms: [
          { list: 'banned', term: WORD, change: 'added', layer: 'section' },
          { list: 'banned', term: WORD, change: 'removed', layer: 'article' },
        ],
      },
    });
    const onSports = await a.http.get(`/api/v1/articles/${sports}/policy`, { token: moderator.token });
    expect(onSports.body.layers).toEqual({ section: null, article: null });
    expect(onSports.body.settings.links).toEqual({ value: 'hold', layer: 'site' });
    expect((await a.http.get(`/api/v1/articles/${sports}/policy`, { token: reader.token })).status).toBe(403);
  });

  it('puts a section change in force on the other instance once announced, and logs it', async () => {
    const text = 'Sources: https://example.org/score';
    expect((await evaluate(b.http, sports, text)).body.decision).toBe('hold');
    const changed = await a.http.put('/api/v1/policy/sections/sports', { overrides: { links: 'allow' }, reason: 'match reports' }, { token: admin.token });
    expect(changed.status).toBe(200);
    const onB = await eventually(
      () => evaluate(b.http, sports, text),
      (response) => response.body.decision === 'publish',
    );
    expect(onB.body).toEqual({ decision: 'publish', reasons: [] });
    const sections = await b.http.get('/api/v1/policy/sections', { token: moderator.token });
    expect(sections.body.sections).toEqual(expect.arrayContaining([{ section: 'sports', overrides: { links: 'allow' } }]));
    const log = await a.http.get('/api/v1/moderation/log?limit=100', { token: moderator.token });
    expect(log.body.entries).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'section_policy_change', reason: 'match reports' })]));

    await a.http.put('/api/v1/policy/sections/sports', { overrides: {} }, { token: admin.token });
    const restored = await eventually(
      () => evaluate(b.http, sports, text),
      (response) => response.body.decision === 'hold',
    );
    expect(restored.body.decision).toBe('hold');
  });

  it("puts an article's own change in force on the other instance once announced", async () => {
    const article = (await anArticle(a.http, admin.token, { section: 'culture' })).id;
    const text = 'Sources: https://example.org/review';
    expect((await evaluate(b.http, article, text)).body.decision).toBe('hold');
    await a.http.put(`/api/v1/articles/${article}/policy`, { overrides: { links: 'reject' } }, { token: admin.token });
    const onB = await eventually(
      () => evaluate(b.http, article, text),
      (response) => response.body.decision === 'reject',
    );
    expect(reasonsOf(onB)).toEqual([{ rule: 'links.url', layer: 'article' }]);
  });

  it('refuses a malformed change set with 400 VALIDATION_FAILED, and a reader or moderator with 403', async () => {
    const typo = await a.http.put('/api/v1/policy/sections/politics', { overrides: { linkz: 'hold' } }, { token: admin.token });
    expect(typo.status).toBe(400);
    const badValue = await a.http.put(`/api/v1/articles/${sports}/policy`, { overrides: { links: 'maybe' } }, { token: admin.token });
    expect(badValue.status).toBe(400);
    expect((await a.http.put('/api/v1/policy/sections/politics', { overrides: {} }, { token: moderator.token })).status).toBe(403);
    expect((await a.http.put(`/api/v1/articles/${sports}/policy`, { overrides: {} }, { token: reader.token })).status).toBe(403);
    expect((await a.http.put('/api/v1/articles/no-such-article/policy', { overrides: {} }, { token: admin.token })).status).toBe(404);
  });
});
