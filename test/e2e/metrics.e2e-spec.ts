import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anArticle } from '../factories/articles.js';
import { aUser } from '../factories/users.js';
import { eventually } from '../helpers/eventually.js';
import { type ReplicatedDatabase, startReplicatedDatabase } from '../helpers/replica.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const METRICS_TOKEN = 'scraper-token-of-this-test-run';

/** The value of one sample in Prometheus's text format, e.g. `name{a="b"} 3`; undefined when absent. */
function sample(exposition: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of exposition.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key, value]));
    if (Object.entries(labels).every(([key, value]) => present[key] === value)) return Number(match[3]);
  }
  return undefined;
}

describe('GET /metrics', () => {
  let t: TestApp;
  const scrape = async (): Promise<string> => {
    const response = await t.http.get('/metrics', { token: METRICS_TOKEN });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text;
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { METRICS_TOKEN } });
  });
  afterAll(() => t.close());

  it('answers a scraper without the METRICS_TOKEN bearer with 401 AUTH_REQUIRED', async () => {
    for (const token of [undefined, 'scraper-token-of-another-run']) {
      const response = await t.http.get('/metrics', token ? { token } : {});
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('AUTH_REQUIRED');
    }
  });

  it('shows a posted comment as a request of its route, a verdict by decision and rule, and the queues', async () => {
    const admin = await aUser(t.http, { role: 'admin' });
    const reader = await aUser(t.http);
    const article = await anArticle(t.http, admin.token);
    const posts = `/api/v1/articles/${article.id}/comments`;
    const published = await t.http.post(posts, { body: 'A civil comment about the budget.' }, { token: reader.token });
    const held = await t.http.post(posts, { body: '제보는 010-1234-5678 으로 연락 주세요' }, { token: reader.token });
    expect([published.body.verdict.decision, held.body.verdict.decision]).toEqual(['publish', 'hold']);
    await t.http.get('/no/such/page/12345');

    const metrics = await scrape();
    const route = '/api/v1/articles/:articleId/comments';
    expect(sample(metrics, 'comment_desk_http_request_duration_seconds_count', { method: 'POST', route, status_code: '201' })).toBe(2);
    expect(sample(metrics, 'comment_desk_http_request_duration_seconds_bucket', { method: 'POST', route, status_code: '201', le: '+Inf' })).toBe(2);
    expect(metrics).not.toContain(article.id);
    expect(sample(metrics, 'comment_desk_http_request_duration_seconds_count', { method: 'GET', route: 'unmatched', status_code: '404' })).toBe(1);
    expect(metrics).not.toContain('/no/such/page');

    expect(sample(metrics, 'comment_desk_policy_verdicts_total', { decision: 'publish' })).toBe(1);
    expect(sample(metrics, 'comment_desk_policy_verdicts_total', { decision: 'hold' })).toBe(1);
    expect(sample(metrics, 'comment_desk_policy_rule_matches_total', { decision: 'hold', rule: 'personal.phone' })).toBe(1);

    expect(sample(metrics, 'comment_desk_moderation_queue_size', { queue: 'pending' })).toBe(1);
    expect(sample(metrics, 'comment_desk_moderation_queue_size', { queue: 'reported' })).toBe(0);
    expect(sample(metrics, 'comment_desk_db_pool_connections', { state: 'max' })).toBe(20);
    expect(sample(metrics, 'comment_desk_db_pool_connections', { state: 'idle' })).toBeGreaterThanOrEqual(1);
    expect(sample(metrics, 'comment_desk_db_pool_waiting_requests')).toBe(0);
    expect(sample(metrics, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    // Without DATABASE_REPLICA_URL there is no replica pool to report.
    expect(metrics).not.toContain('comment_desk_db_replica_');
  });

  it('counts a moderator’s trial of a text apart from verdicts on comments', async () => {
    const moderator = await aUser(t.http, { role: 'moderator' });
    const before = sample(await scrape(), 'comment_desk_policy_verdicts_total', { decision: 'hold' });
    const trial = await t.http.post('/api/v1/policy/evaluate', { body: '연락처 010-9876-5432' }, { token: moderator.token });
    expect(trial.body.decision).toBe('hold');
    expect(sample(await scrape(), 'comment_desk_policy_verdicts_total', { decision: 'hold' })).toBe(before);
  });
});

describe('GET /metrics with a read replica', () => {
  let db: ReplicatedDatabase;
  let t: TestApp;
  const scrape = async (): Promise<string> => (await t.http.get('/metrics', { token: METRICS_TOKEN })).text;

  beforeAll(async () => {
    db = await startReplicatedDatabase();
    t = await startTestApp({ databaseUrl: db.primaryUrl, env: { METRICS_TOKEN, DATABASE_REPLICA_URL: db.replicaUrl, DATABASE_POOL_SIZE: '7' } });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });

  it('reports the replica’s pool beside the primary’s, and whether reads go to the replica', async () => {
    const healthy = await eventually(scrape, (metrics) => sample(metrics, 'comment_desk_db_replica_healthy') === 1, 15_000);
    expect(sample(healthy, 'comment_desk_db_replica_healthy')).toBe(1);
    const admin = await aUser(t.http, { role: 'admin' });
    const article = await anArticle(t.http, admin.token);
    await db.waitForReplay();
    // An anonymous reader's list is read from the replica, which opens its pool.
    expect((await t.http.get(`/api/v1/articles/${article.id}/comments`)).status).toBe(200);

    const metrics = await eventually(scrape, (text) => sample(text, 'comment_desk_db_replica_pool_connections', { state: 'max' }) !== undefined);
    expect(sample(metrics, 'comment_desk_db_replica_pool_connections', { state: 'max' })).toBe(7);
    expect(sample(metrics, 'comment_desk_db_replica_pool_connections', { state: 'idle' })).toBeGreaterThanOrEqual(1);
    expect(sample(metrics, 'comment_desk_db_replica_pool_connections', { state: 'in_use' })).toBeGreaterThanOrEqual(0);
    expect(sample(metrics, 'comment_desk_db_replica_pool_waiting_requests')).toBe(0);
    expect(sample(metrics, 'comment_desk_db_pool_connections', { state: 'max' })).toBe(7);
  });
});
