import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ErrorCode } from '@/common/errors/app-error.js';
import { anArticle } from '../factories/articles.js';
import { aComment } from '../factories/comments.js';
import { anSsoToken, aUser, type LoggedInUser } from '../factories/users.js';
import type { HttpResponse, ResponseBody } from '../helpers/http-client.js';
import { turnOffQuotas } from '../helpers/policy.js';
import { registeredRoutes } from '../helpers/route-table.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

// Who may call what: every route the running app registers, asked by six callers, each answer
// declared in the one table below. A route without a row fails the test, and so does a row whose
// route is gone, so a new endpoint cannot ship without someone deciding who may call it.

/**
 * `author` is the reader who wrote the comments the requests aim at; `reader` is any other reader;
 * `banned` is a reader banned for good (who may still read and log in and out, never write).
 */
const CALLERS = ['anonymous', 'reader', 'author', 'banned', 'moderator', 'admin'] as const;
type Caller = (typeof CALLERS)[number];

/** A status, or a status with the contract's error code (`'403 FORBIDDEN'`). */
type Outcome = number | `${number} ${ErrorCode}`;
/** One outcome per caller, in the order of CALLERS. */
type Outcomes = readonly [anonymous: Outcome, reader: Outcome, author: Outcome, banned: Outcome, moderator: Outcome, admin: Outcome];

const AUTH = '401 AUTH_REQUIRED';
const FORBIDDEN = '403 FORBIDDEN';
const BANNED = '403 USER_BANNED';
const HIDDEN = '404 NOT_FOUND';
const CLOSED = '403 ARTICLE_CLOSED';
const everyone = (outcome: Outcome): Outcomes => [outcome, outcome, outcome, outcome, outcome, outcome];

/** A request, less its method (the route's) and its bearer token (the caller's unless `token` is given). */
interface Call {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  token?: string;
}

interface Rule {
  /** `METHOD /path` exactly as the app registers it. */
  route: string;
  /** What the request is about, for the test's name. */
  target: string;
  expected: Outcomes;
  /** Builds the request for one caller; routes that change their target get a fresh one each time. */
  call: (as: Caller) => Call | Promise<Call>;
}

const rule = (route: string, expected: Outcomes, target: string, call: Rule['call']): Rule => ({ route, target, expected, call });

const PUBLISHER = 'https://news.example.com';
const NO_SUCH_ID = '00000000-0000-7000-8000-000000000000';

/** What the requests aim at; set up before the table runs. */
interface World {
  users: Record<Exclude<Caller, 'anonymous'>, LoggedInUser>;
  /** Open, and not premoderated: the author's comments there are published. */
  article: string;
  /** Premoderated: every comment there is held. */
  premoderated: string;
  closed: string;
  /** A published comment by the author, for routes that leave it as it is. */
  published: string;
  /** A held comment by the author. */
  held: string;
}
let w: World;
let t: TestApp;

/** The body of a set-up request that must succeed. */
async function succeeds(request: Promise<HttpResponse>): Promise<ResponseBody> {
  const response = await request;
  if (response.status !== 200) throw new Error(`set-up request failed: ${response.status} ${response.text}`);
  return response.body;
}

const freshPublished = async () => (await aComment(t.http, w.users.author.token, w.article)).id;
const freshHeld = async () => (await aComment(t.http, w.users.author.token, w.premoderated)).id;
const freshReader = async () => (await aUser(t.http)).user.id;
const freshBannedReader = async () => {
  const { user } = await aUser(t.http);
  await succeeds(t.http.post(`/api/v1/moderation/users/${user.id}/ban`, { until: null, reason: 'matrix' }, { token: w.users.moderator.token }));
  return user.id;
};
const freshGroup = async () =>
  (await succeeds(t.http.post('/api/v1/moderation/groups', { name: `group ${Math.random()}`, articleIds: [w.article] }, { token: w.users.admin.token }))).id;
/** Another session of the caller's own account (logging out revokes the token it is sent with). */
const anotherSession = async (as: Caller) => {
  if (as === 'anonymous') return undefined;
  const { user } = w.users[as];
  return (await aUser(t.http, { role: user.role, name: user.displayName })).token;
};
/** The policy in force, as an admin would edit it into the next version. */
const nextPolicy = async () => {
  const { definition } = (await t.http.get('/api/v1/policy/rules', { token: w.users.admin.token })).body;
  return { ...definition, version: definition.version + 1 };
};
const civil = () => `A civil comment about the budget, number ${Math.random().toString(36).slice(2, 10)}.`;

// prettier-ignore
const RULES: Rule[] = [
  // route                                                      anonymous  reader     author     banned     moderator  admin        target, request
  // Pages, scripts and the service's own endpoints: public.
  rule('GET /',                                                everyone(200),                                                       'the demo article page', () => ({ path: '/' })),
  rule('GET /policy',                                          everyone(200),                                                       'the policy page', () => ({ path: '/policy' })),
  rule('GET /moderate',                                        everyone(200),                                                       'the moderators’ page shell (the API behind it checks the role)', () => ({ path: '/moderate' })),
  rule('GET /moderate/moderate.js',                            everyone(200),                                                       'its script', () => ({ path: '/moderate/moderate.js' })),
  rule('GET /moderate/moderate.css',                           everyone(200),                                                       'its styles', () => ({ path: '/moderate/moderate.css' })),
  rule('GET /moderate/admin',                                  everyone(200),                                                       'the admin console’s page shell (the API behind it checks the role)', () => ({ path: '/moderate/admin' })),
  rule('GET /moderate/admin/admin.js',                         everyone(200),                                                       'its script', () => ({ path: '/moderate/admin/admin.js' })),
  rule('GET /moderate/admin/admin.css',                        everyone(200),                                                       'its styles', () => ({ path: '/moderate/admin/admin.css' })),
  rule('GET /embed.js',                                        everyone(200),                                                       'the widget loader', () => ({ path: '/embed.js' })),
  rule('GET /embed/frame',                                     everyone(200),                                                       'the widget frame for an allowed site', () => ({ path: `/embed/frame?origin=${encodeURIComponent(PUBLISHER)}&articleId=${w.article}` })),
  rule('GET /embed/frame',                                     everyone(403),                                                       'the widget frame for a site not allowed to embed it', () => ({ path: `/embed/frame?origin=${encodeURIComponent('https://evil.example')}&articleId=${w.article}` })),
  rule('GET /embed/frame.js',                                  everyone(200),                                                       'the frame’s script', () => ({ path: '/embed/frame.js' })),
  rule('GET /embed/frame.css',                                 everyone(200),                                                       'the frame’s styles', () => ({ path: '/embed/frame.css' })),
  rule('GET /healthz',                                         everyone(200),                                                       'liveness', () => ({ path: '/healthz' })),
  rule('GET /readyz',                                          everyone(200),                                                       'readiness', () => ({ path: '/readyz' })),
  rule('GET /metrics',                                         everyone(200),                                                       'the Prometheus metrics, open while METRICS_TOKEN is unset', () => ({ path: '/metrics' })),
  rule('OPTIONS /*',                                           everyone(204),                                                       'a CORS preflight from an allowed site', () => ({ path: `/api/v1/articles/${w.article}`, headers: { origin: PUBLISHER, 'access-control-request-method': 'PUT' } })),

  // The OpenAPI page (Swagger UI and its files).
  rule('GET /api/docs',                                        everyone(200),                                                       'the OpenAPI page', () => ({ path: '/api/docs' })),
  rule('GET /api/docs/',                                       everyone(200),                                                       'the OpenAPI page', () => ({ path: '/api/docs/' })),
  rule('GET /api/docs/index.html',                             everyone(200),                                                       'the OpenAPI page', () => ({ path: '/api/docs/index.html' })),
  rule('GET /api/docs/swagger-ui-init.js',                     everyone(200),                                                       'its set-up script', () => ({ path: '/api/docs/swagger-ui-init.js' })),
  rule('GET /api/docs/docs/swagger-ui-init.js',                everyone(200),                                                       'its set-up script, as a relative URL resolves it', () => ({ path: '/api/docs/docs/swagger-ui-init.js' })),
  rule('GET /api/docs/*',                                      everyone(200),                                                       'a Swagger UI file', () => ({ path: '/api/docs/swagger-ui.css' })),
  rule('GET /api/docs/LICENSE',                                everyone(HIDDEN),                                                    'a file the installed Swagger UI does not ship', () => ({ path: '/api/docs/LICENSE' })),
  rule('GET /api/docs/openapi.json',                           everyone(200),                                                       'the OpenAPI document', () => ({ path: '/api/docs/openapi.json' })),
  rule('GET /api/docs-yaml',                                   everyone(200),                                                       'the OpenAPI document as YAML', () => ({ path: '/api/docs-yaml' })),

  // Logging in and out.
  rule('GET /api/v1/auth/providers',                           everyone(200),                                                       'the configured providers', () => ({ path: '/api/v1/auth/providers' })),
  rule('POST /api/v1/auth/sso',                                everyone(200),                                                       'a valid publisher token', async () => ({ path: '/api/v1/auth/sso', body: { token: await anSsoToken() } })),
  rule('POST /api/v1/auth/dev',                                everyone(200),                                                       'the demo login', () => ({ path: '/api/v1/auth/dev', body: { name: `demo ${Math.random()}` } })),
  rule('GET /api/v1/auth/:provider',                           everyone(302),                                                       'a configured OAuth provider', () => ({ path: '/api/v1/auth/google' })),
  rule('GET /api/v1/auth/:provider',                           everyone(HIDDEN),                                                    'a provider not configured here', () => ({ path: '/api/v1/auth/kakao' })),
  rule('GET /api/v1/auth/:provider/callback',                  everyone(AUTH),                                                      'a configured provider, no login under way', () => ({ path: '/api/v1/auth/google/callback?code=x&state=y' })),
  rule('GET /api/v1/auth/:provider/callback',                  everyone(HIDDEN),                                                    'a provider not configured here', () => ({ path: '/api/v1/auth/kakao/callback?code=x&state=y' })),
  rule('POST /api/v1/auth/logout',                             [AUTH,      204,       204,       204,       204,       204],        'another session of the caller', async (as) => ({ path: '/api/v1/auth/logout', token: await anotherSession(as) })),
  rule('POST /api/v1/auth/refresh',                            [AUTH,      200,       200,       200,       200,       200],        'another session of the caller', async (as) => ({ path: '/api/v1/auth/refresh', token: await anotherSession(as) })),
  rule('POST /api/v1/auth/session',                            everyone(AUTH),                                                      'the widget’s kept login, from its own origin, with no login kept', () => ({ path: '/api/v1/auth/session', headers: { origin: t.baseUrl } })),
  rule('POST /api/v1/auth/session',                            everyone(FORBIDDEN),                                                 'the widget’s kept login, asked for by a publisher’s page', () => ({ path: '/api/v1/auth/session', headers: { origin: PUBLISHER } })),
  rule('PUT /api/v1/auth/session',                             [AUTH,      204,       204,       204,       204,       204],        'keeping the caller’s login, from the widget’s own origin', () => ({ path: '/api/v1/auth/session', headers: { origin: t.baseUrl } })),
  rule('DELETE /api/v1/auth/session',                          everyone(204),                                                       'forgetting the kept login, from the widget’s own origin', () => ({ path: '/api/v1/auth/session', headers: { origin: t.baseUrl } })),
  rule('GET /api/v1/me',                                       [AUTH,      200,       200,       200,       200,       200],        'the caller', () => ({ path: '/api/v1/me' })),
  rule('GET /api/v1/me/identities',                            [AUTH,      200,       200,       200,       200,       200],        'the caller', () => ({ path: '/api/v1/me/identities' })),

  // Articles.
  rule('GET /api/v1/articles/:articleId',                      everyone(200),                                                       'an article', () => ({ path: `/api/v1/articles/${w.article}` })),
  rule('GET /api/v1/articles/:articleId',                      everyone(HIDDEN),                                                    'an unknown article', () => ({ path: '/api/v1/articles/no-such-article' })),
  rule('GET /api/v1/articles',                                 [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 200,       200],        'the site’s articles, for staff', () => ({ path: '/api/v1/articles?limit=5' })),
  rule('PUT /api/v1/articles/:articleId',                      [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, 200],        'a new article', () => ({ path: `/api/v1/articles/matrix-${Math.random().toString(36).slice(2)}`, body: { title: 'Budget', url: 'https://news.example.com/budget' } })),
  rule('GET /api/v1/articles/:articleId/policy',               [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 200,       200],        "an article's effective policy", () => ({ path: `/api/v1/articles/${w.article}/policy` })),
  rule('PUT /api/v1/articles/:articleId/policy',               [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, 200],        "an article's own policy changes", () => ({ path: `/api/v1/articles/${w.article}/policy`, body: { overrides: {} } })),

  // Comments.
  rule('GET /api/v1/articles/:articleId/comments',             everyone(200),                                                       'an article’s comments', () => ({ path: `/api/v1/articles/${w.article}/comments` })),
  rule('GET /api/v1/articles/:articleId/comments',             [HIDDEN,    HIDDEN,    200,       HIDDEN,    200,       200],        'the replies to the held comment', () => ({ path: `/api/v1/articles/${w.premoderated}/comments?parentId=${w.held}` })),
  rule('POST /api/v1/articles/:articleId/comments',            [AUTH,      201,       201,       BANNED,    201,       201],        'an open article', () => ({ path: `/api/v1/articles/${w.article}/comments`, body: { body: civil() } })),
  rule('POST /api/v1/articles/:articleId/comments',            [AUTH,      CLOSED,    CLOSED,    BANNED,    CLOSED,    CLOSED],     'a closed article', () => ({ path: `/api/v1/articles/${w.closed}/comments`, body: { body: civil() } })),
  rule('POST /api/v1/articles/:articleId/comments',            [AUTH,      HIDDEN,    HIDDEN,    BANNED,    HIDDEN,    HIDDEN],     'a reply to the held comment', () => ({ path: `/api/v1/articles/${w.premoderated}/comments`, body: { body: civil(), parentId: w.held } })),
  rule('PATCH /api/v1/comments/:commentId',                    [AUTH,      FORBIDDEN, 200,       BANNED,    FORBIDDEN, FORBIDDEN],  'a published comment by the author', async () => ({ path: `/api/v1/comments/${await freshPublished()}`, body: { body: civil() } })),
  rule('PATCH /api/v1/comments/:commentId',                    [AUTH,      HIDDEN,    200,       BANNED,    FORBIDDEN, FORBIDDEN],  'a held comment by the author', async () => ({ path: `/api/v1/comments/${await freshHeld()}`, body: { body: civil() } })),
  rule('DELETE /api/v1/comments/:commentId',                   [AUTH,      FORBIDDEN, 204,       FORBIDDEN, 204,       204],        'a published comment by the author', async () => ({ path: `/api/v1/comments/${await freshPublished()}` })),
  rule('DELETE /api/v1/comments/:commentId',                   [AUTH,      HIDDEN,    204,       HIDDEN,    204,       204],        'a held comment by the author', async () => ({ path: `/api/v1/comments/${await freshHeld()}` })),
  rule('DELETE /api/v1/comments/:commentId',                   [AUTH,      HIDDEN,    HIDDEN,    HIDDEN,    HIDDEN,    HIDDEN],     'an unknown comment', () => ({ path: `/api/v1/comments/${NO_SUCH_ID}` })),
  rule('PUT /api/v1/comments/:commentId/like',                 [AUTH,      200,       FORBIDDEN, BANNED,    200,       200],        'a published comment (the author may not like their own)', () => ({ path: `/api/v1/comments/${w.published}/like` })),
  rule('PUT /api/v1/comments/:commentId/like',                 [AUTH,      HIDDEN,    HIDDEN,    BANNED,    HIDDEN,    HIDDEN],     'the held comment', () => ({ path: `/api/v1/comments/${w.held}/like` })),
  rule('DELETE /api/v1/comments/:commentId/like',              [AUTH,      200,       200,       BANNED,    200,       200],        'a published comment', () => ({ path: `/api/v1/comments/${w.published}/like` })),
  rule('DELETE /api/v1/comments/:commentId/like',              [AUTH,      HIDDEN,    HIDDEN,    BANNED,    HIDDEN,    HIDDEN],     'the held comment', () => ({ path: `/api/v1/comments/${w.held}/like` })),
  rule('POST /api/v1/comments/:commentId/reports',             [AUTH,      201,       201,       BANNED,    201,       201],        'a published comment', async () => ({ path: `/api/v1/comments/${await freshPublished()}/reports`, body: { reason: 'spam' } })),
  rule('POST /api/v1/comments/:commentId/reports',             [AUTH,      HIDDEN,    HIDDEN,    BANNED,    HIDDEN,    HIDDEN],     'the held comment', () => ({ path: `/api/v1/comments/${w.held}/reports`, body: { reason: 'spam' } })),

  // The policy.
  rule('GET /api/v1/policy',                                   everyone(200),                                                       'the length rule', () => ({ path: '/api/v1/policy' })),
  rule('POST /api/v1/policy/evaluate',                         [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 200,       200],        'a civil text', () => ({ path: '/api/v1/policy/evaluate', body: { body: civil() } })),
  rule('GET /api/v1/policy/rules',                             [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 200,       200],        'the rules in force', () => ({ path: '/api/v1/policy/rules' })),
  rule('PUT /api/v1/policy/rules',                             [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, 200],        'the next version', async () => ({ path: '/api/v1/policy/rules', body: { definition: await nextPolicy(), reason: 'matrix' } })),
  rule('PATCH /api/v1/policy/rules/terms',                     [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, 200],        'an allowed word, as the next version', async () => ({ path: '/api/v1/policy/rules/terms', body: { version: (await nextPolicy()).version, list: 'allow', add: ['matrixword'] } })),
  rule('GET /api/v1/policy/rules/versions',                    [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 200,       200],        'the stored versions', () => ({ path: '/api/v1/policy/rules/versions' })),
  rule('GET /api/v1/policy/rules/versions/:version',           [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 200,       200],        'the seeded version', () => ({ path: '/api/v1/policy/rules/versions/1' })),
  rule('GET /api/v1/policy/rules/versions/:version',           [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, HIDDEN,    HIDDEN],     'a version the site never had', () => ({ path: '/api/v1/policy/rules/versions/99999' })),
  rule('GET /api/v1/policy/rules/versions/:version/diff',      [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 200,       200],        'the seeded version against itself', () => ({ path: '/api/v1/policy/rules/versions/1/diff?against=1' })),
  rule('POST /api/v1/policy/rules/rollback',                   [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, 200],        'the version in force (quotas off), stored again as the next one', async () => ({ path: '/api/v1/policy/rules/rollback', body: { version: (await nextPolicy()).version - 1, reason: 'matrix' } })),
  rule('GET /api/v1/policy/sections',                          [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 200,       200],        'the sections that change the policy', () => ({ path: '/api/v1/policy/sections' })),
  rule('PUT /api/v1/policy/sections/:section',                 [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, 200],        "a section's policy changes", () => ({ path: '/api/v1/policy/sections/matrix', body: { overrides: {} } })),

  // Sites: the deployment's operators only (a site's admin is no operator), but a site's admins read their own.
  rule('GET /api/v1/sites',                                    [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN],  'every site', () => ({ path: '/api/v1/sites' })),
  rule('POST /api/v1/sites',                                   [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN],  'a new site', () => ({ path: '/api/v1/sites', body: { id: 'matrix', name: 'Matrix' } })),
  rule('GET /api/v1/sites/:siteId',                            [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN],  'the default site', () => ({ path: '/api/v1/sites/default' })),
  rule('PATCH /api/v1/sites/:siteId',                          [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN],  'the default site', () => ({ path: '/api/v1/sites/default', body: { name: 'Renamed' } })),
  rule('GET /api/v1/site',                                     [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, 200],        "the request's own site, for its admins", () => ({ path: '/api/v1/site' })),

  // Moderation.
  rule('POST /api/v1/moderation/articles/:articleId/reverse-automation', [AUTH, FORBIDDEN, FORBIDDEN, FORBIDDEN, HIDDEN, HIDDEN], 'an article with no automatic action', () => ({ path: `/api/v1/moderation/articles/${w.article}/reverse-automation`, body: {} })),
  rule('GET /api/v1/moderation/events',                        [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 200,       200],        'the live stream', () => ({ path: '/api/v1/moderation/events' })),
  rule('GET /api/v1/moderation/queues',                        [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 200,       200],        'the queue counts', () => ({ path: '/api/v1/moderation/queues' })),
  rule('GET /api/v1/moderation/queues/:queue',                 [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 200,       200],        'the pending queue', () => ({ path: '/api/v1/moderation/queues/pending' })),
  rule('GET /api/v1/moderation/groups',                        [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 200,       200],        'the saved groups', () => ({ path: '/api/v1/moderation/groups' })),
  rule('POST /api/v1/moderation/groups',                       [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 200,       200],        'a new group', () => ({ path: '/api/v1/moderation/groups', body: { name: `story ${Math.random()}`, articleIds: [w.article] } })),
  rule('DELETE /api/v1/moderation/groups/:groupId',            [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 204,       204],        'a saved group', async () => ({ path: `/api/v1/moderation/groups/${await freshGroup()}` })),
  rule('POST /api/v1/moderation/comments/:commentId/claim',    [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 200,       200],        'a held comment', async () => ({ path: `/api/v1/moderation/comments/${await freshHeld()}/claim` })),
  rule('DELETE /api/v1/moderation/comments/:commentId/claim',  [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 204,       204],        'the held comment', () => ({ path: `/api/v1/moderation/comments/${w.held}/claim` })),
  rule('POST /api/v1/moderation/comments/:commentId/decision', [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 200,       200],        'a held comment', async () => ({ path: `/api/v1/moderation/comments/${await freshHeld()}/decision`, body: { action: 'approve' } })),
  rule('POST /api/v1/moderation/comments/:commentId/decision', [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, HIDDEN,    HIDDEN],     'an unknown comment', () => ({ path: `/api/v1/moderation/comments/${NO_SUCH_ID}/decision`, body: { action: 'approve' } })),
  rule('PUT /api/v1/moderation/comments/:commentId/feature',   [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 200,       200],        'a published comment', async () => ({ path: `/api/v1/moderation/comments/${await freshPublished()}/feature` })),
  rule('DELETE /api/v1/moderation/comments/:commentId/feature', [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 200,       200],        'a published comment', async () => ({ path: `/api/v1/moderation/comments/${await freshPublished()}/feature` })),
  rule('POST /api/v1/moderation/decisions',                    [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 200,       200],        'a held comment', async () => ({ path: '/api/v1/moderation/decisions', body: { items: [{ commentId: await freshHeld(), action: 'reject' }] } })),
  rule('GET /api/v1/moderation/users',                         [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 200,       200],        'the site’s people', () => ({ path: '/api/v1/moderation/users' })),
  rule('GET /api/v1/moderation/users/:userId',                 [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 200,       200],        'the author’s record', () => ({ path: `/api/v1/moderation/users/${w.users.author.user.id}` })),
  rule('GET /api/v1/moderation/users/:userId',                 [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, HIDDEN,    HIDDEN],     'an unknown user', () => ({ path: `/api/v1/moderation/users/${NO_SUCH_ID}` })),
  rule('POST /api/v1/moderation/users/:userId/ban',            [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 200,       200],        'a reader', async () => ({ path: `/api/v1/moderation/users/${await freshReader()}/ban`, body: { until: null, reason: 'abuse' } })),
  rule('POST /api/v1/moderation/users/:userId/ban',            [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, HIDDEN,    HIDDEN],     'an unknown user', () => ({ path: `/api/v1/moderation/users/${NO_SUCH_ID}/ban`, body: { until: null, reason: 'abuse' } })),
  rule('DELETE /api/v1/moderation/users/:userId/ban',          [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 200,       200],        'a banned reader', async () => ({ path: `/api/v1/moderation/users/${await freshBannedReader()}/ban` })),
  rule('PUT /api/v1/moderation/users/:userId/role',            [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, 200],        'a reader', async () => ({ path: `/api/v1/moderation/users/${await freshReader()}/role`, body: { role: 'reader' } })),
  rule('PUT /api/v1/moderation/users/:userId/trust',           [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 200,       200],        'a reader', async () => ({ path: `/api/v1/moderation/users/${await freshReader()}/trust`, body: { trust: 'watched' } })),
  rule('GET /api/v1/moderation/log',                           [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, 200,       200],        'the log of the held comment', () => ({ path: `/api/v1/moderation/log?commentId=${w.held}` })),

  // Notifications: a reader's own settings (a banned reader may still turn mail off), the mail's signed links, publishers' webhooks.
  rule('GET /api/v1/me/notifications',                         [AUTH,      200,       200,       200,       200,       200],        'the caller', () => ({ path: '/api/v1/me/notifications' })),
  rule('PUT /api/v1/me/notifications',                         [AUTH,      200,       200,       200,       200,       200],        'the caller', () => ({ path: '/api/v1/me/notifications', body: { reply: false } })),
  rule('GET /api/v1/me/export',                                [AUTH,      200,       200,       200,       200,       200],        'the caller’s own data', () => ({ path: '/api/v1/me/export' })),
  rule('DELETE /api/v1/me',                                    [AUTH,      '400 VALIDATION_FAILED', '400 VALIDATION_FAILED', '400 VALIDATION_FAILED', '400 VALIDATION_FAILED', '400 VALIDATION_FAILED'], 'the caller, unconfirmed', () => ({ path: '/api/v1/me', body: { confirm: 'not my name' } })),
  rule('GET /api/v1/users/:userId/profile',                    everyone(200),                                                       'the author’s public profile', () => ({ path: `/api/v1/users/${w.users.author.user.id}/profile` })),
  rule('GET /unsubscribe',                                     everyone(400),                                                       'a link without its signed token', () => ({ path: '/unsubscribe' })),
  rule('POST /unsubscribe',                                    everyone(400),                                                       'a one-click unsubscribe with a forged token', () => ({ path: '/unsubscribe?token=forged' })),
  rule('GET /notifications/confirm-email',                     everyone(400),                                                       'a confirmation link with a forged token', () => ({ path: '/notifications/confirm-email?token=forged' })),
  rule('POST /api/v1/admin/webhooks',                          [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, 201],        'an endpoint of the site that takes nothing deliverable', () => ({ path: '/api/v1/admin/webhooks', body: { url: 'http://127.0.0.1:9/hook', events: ['user.banned'] } })),
  rule('GET /api/v1/admin/webhooks',                           [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, 200],        "the site's endpoints", () => ({ path: '/api/v1/admin/webhooks' })),
  rule('DELETE /api/v1/admin/webhooks/:webhookId',             [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, HIDDEN],     'an unknown endpoint', () => ({ path: `/api/v1/admin/webhooks/${NO_SUCH_ID}` })),
  rule('GET /api/v1/admin/webhooks/:webhookId/deliveries',     [AUTH,      FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, HIDDEN],     'an unknown endpoint', () => ({ path: `/api/v1/admin/webhooks/${NO_SUCH_ID}/deliveries` })),
  rule('POST /api/v1/admin/webhooks/:webhookId/deliveries/:deliveryId/retry', [AUTH, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, HIDDEN], 'an unknown dead letter', () => ({ path: `/api/v1/admin/webhooks/${NO_SUCH_ID}/deliveries/${NO_SUCH_ID}/retry` })),
];

/** The status of the answer, with the error code when it is the contract's error envelope. */
async function outcomeOf(rule: Rule, as: Caller): Promise<Outcome> {
  const call = await rule.call(as);
  const method = rule.route.split(' ')[0]!;
  const token = 'token' in call ? call.token : as === 'anonymous' ? undefined : w.users[as].token;
  const headers: Record<string, string> = { ...call.headers };
  if (token) headers.authorization = `Bearer ${token}`;
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(t.baseUrl + call.path, {
    method,
    headers,
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
    redirect: 'manual',
  });
  // The live stream never ends: its status and type are the answer.
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    await response.body?.cancel();
    return response.status;
  }
  const text = await response.text();
  const code = response.headers.get('content-type')?.startsWith('application/json')
    ? (JSON.parse(text) as { error?: { code?: unknown } }).error?.code
    : undefined;
  return typeof code === 'string' ? `${response.status} ${code as ErrorCode}` : response.status;
}

describe('the authorisation matrix', () => {
  beforeAll(async () => {
    t = await startTestApp({ env: { ALLOWED_ORIGINS: PUBLISHER, GOOGLE_CLIENT_ID: 'matrix-google', GOOGLE_CLIENT_SECRET: 'matrix-secret' } });
    const [reader, author, banned, moderator, admin] = await Promise.all([
      aUser(t.http),
      aUser(t.http),
      aUser(t.http),
      aUser(t.http, { role: 'moderator' }),
      aUser(t.http, { role: 'admin' }),
    ]);
    await succeeds(t.http.post(`/api/v1/moderation/users/${banned.user.id}/ban`, { until: null, reason: 'matrix' }, { token: moderator.token }));
    // The author posts dozens of comments here, far past the daily and per-article quotas.
    await turnOffQuotas(t.http, admin.token);
    const [article, premoderated, closed] = await Promise.all([
      anArticle(t.http, admin.token),
      anArticle(t.http, admin.token, { premoderation: true }),
      anArticle(t.http, admin.token, { commentsOpen: false }),
    ]);
    const published = await aComment(t.http, author.token, article.id);
    const held = await aComment(t.http, author.token, premoderated.id);
    expect([published.status, held.status]).toEqual(['published', 'pending']);
    w = {
      users: { reader, author, banned, moderator, admin },
      article: article.id,
      premoderated: premoderated.id,
      closed: closed.id,
      published: published.id,
      held: held.id,
    };
  });
  afterAll(() => t?.close());

  it('has a rule for every route the app registers, and no rule for a route it does not have', () => {
    const registered = registeredRoutes(t.app.getHttpAdapter().getInstance());
    // Fastify answers HEAD for every GET route with the GET handler, so the GET's rule covers it.
    const routes = registered.filter((route) => !(route.startsWith('HEAD ') && registered.includes(route.replace(/^HEAD /, 'GET '))));
    const ruled = new Set(RULES.map((r) => r.route));
    expect({
      newRoutesWithoutARule: routes.filter((route) => !ruled.has(route)),
      rulesForRoutesThatAreGone: [...ruled].filter((route) => !routes.includes(route)),
    }).toEqual({ newRoutesWithoutARule: [], rulesForRoutesThatAreGone: [] });
  });

  it('finds each error the table expects of an API route among the errors the OpenAPI document gives that operation', async () => {
    type Operation = { responses: Record<string, { content?: { 'application/json'?: { examples?: Record<string, unknown> } } }> };
    const { paths } = (await t.http.get('/api/docs/openapi.json')).body as { paths: Record<string, Record<string, Operation | undefined>> };
    const undocumented = RULES.filter((r) => r.route.includes(' /api/v1/')).flatMap((r) => {
      const [method = '', path = ''] = r.route.split(' ');
      const operation = paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      return r.expected
        .filter((outcome) => typeof outcome === 'string')
        .filter((outcome) => {
          const [status = '', code = ''] = outcome.split(' ');
          return !operation?.responses[status]?.content?.['application/json']?.examples?.[code];
        })
        .map((outcome) => `${r.route}: ${outcome}`);
    });
    expect([...new Set(undocumented)]).toEqual([]);
  });

  it.each(RULES.map((r) => [`${r.route} (${r.target})`, r] as const))('%s', async (_, rule) => {
    const actual: Partial<Record<Caller, Outcome>> = {};
    for (const as of CALLERS) actual[as] = await outcomeOf(rule, as);
    expect(actual).toEqual(Object.fromEntries(CALLERS.map((as, index) => [as, rule.expected[index]])));
  });
});
