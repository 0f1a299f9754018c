import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anArticle } from '../factories/articles.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/** A stand-in toxicity model: the score is written in the text ("score=0.9"); "slow" never answers in time. */
function startClassifier(): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const { text } = JSON.parse(body) as { text: string };
      if (text.includes('slow')) return void setTimeout(() => response.end('{"score":0}'), 2_000);
      if (text.includes('broken')) return void response.writeHead(500).end();
      const score = Number(/score=([\d.]+)/.exec(text)?.[1] ?? 0);
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ score }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('the toxicity classifier hook', () => {
  let classifier: http.Server;
  let t: TestApp;
  let admin: LoggedInUser;

  beforeAll(async () => {
    classifier = await startClassifier();
    const { port } = classifier.address() as AddressInfo;
    t = await startTestApp({ env: { TOXICITY_URL: `http://127.0.0.1:${port}/score`, TOXICITY_TIMEOUT_MS: '300' } });
    admin = await aUser(t.http, { role: 'admin' });
    const { definition } = (await t.http.get('/api/v1/policy/rules', { token: admin.token })).body;
    const enabled = { ...definition, version: definition.version + 1, toxicity: { enabled: true, holdAt: 0.8, rejectAt: 0.97 } };
    expect((await t.http.put('/api/v1/policy/rules', { definition: enabled }, { token: admin.token })).status).toBe(200);
  });
  afterAll(async () => {
    await t.close();
    classifier.closeAllConnections();
    await new Promise((resolve) => classifier.close(resolve));
  });

  const post = async (body: string) => {
    const article = await anArticle(t.http, admin.token);
    return t.http.post(`/api/v1/articles/${article.id}/comments`, { body }, { token: (await aUser(t.http)).token });
  };

  it.each([
    ['publishes below the hold threshold', 'A calm remark, score=0.1', 201, 'publish', []],
    ['holds between the thresholds', 'A heated remark, score=0.85', 201, 'hold', ['toxicity.classifier']],
    ['holds when the classifier is slower than TOXICITY_TIMEOUT_MS', 'A slow remark to judge', 201, 'hold', ['toxicity.unavailable']],
    ['holds when the classifier fails', 'A broken remark to judge', 201, 'hold', ['toxicity.unavailable']],
  ])('%s', async (_, body, status, decision, rules) => {
    const response = await post(body);
    expect(response.status).toBe(status);
    expect(response.body.verdict.decision).toBe(decision);
    expect(response.body.verdict.reasons.map((reason: { rule: string }) => reason.rule)).toEqual(rules);
  });

  it('rejects above the reject threshold with 422 POLICY_REJECTED', async () => {
    const response = await post('A vicious remark, score=0.99');
    expect(response.status).toBe(422);
    expect(response.body.error.details.reasons).toEqual([expect.objectContaining({ rule: 'toxicity.classifier' })]);
  });
});

describe('an author at the posting rate limit', () => {
  let classifier: http.Server;
  let calls = 0;
  let t: TestApp;
  let admin: LoggedInUser;

  beforeAll(async () => {
    classifier = http.createServer((request, response) => {
      calls++;
      request.resume().on('end', () => response.setHeader('content-type', 'application/json').end('{"score":0}'));
    });
    await new Promise<void>((resolve) => classifier.listen(0, '127.0.0.1', resolve));
    const { port } = classifier.address() as AddressInfo;
    t = await startTestApp({ env: { TOXICITY_URL: `http://127.0.0.1:${port}/score`, COMMENT_RATE_LIMIT: '2/60' } });
    admin = await aUser(t.http, { role: 'admin' });
    const { definition } = (await t.http.get('/api/v1/policy/rules', { token: admin.token })).body;
    const enabled = { ...definition, version: definition.version + 1, toxicity: { enabled: true, holdAt: 0.8, rejectAt: 0.97 } };
    expect((await t.http.put('/api/v1/policy/rules', { definition: enabled }, { token: admin.token })).status).toBe(200);
  });
  afterAll(async () => {
    await t.close();
    classifier.closeAllConnections();
    await new Promise((resolve) => classifier.close(resolve));
  });

  it('is refused before the policy asks the classifier, once this instance knows the window is full', async () => {
    const author = await aUser(t.http);
    const articles = await Promise.all([1, 2, 3, 4].map(() => anArticle(t.http, admin.token)));
    const post = (articleId: string, body: string) => t.http.post(`/api/v1/articles/${articleId}/comments`, { body }, { token: author.token });
    expect((await post(articles[0]!.id, 'My first remark on this story.')).status).toBe(201);
    expect((await post(articles[1]!.id, 'My second remark on another story.')).status).toBe(201);
    expect(calls).toBe(2);
    for (const article of articles.slice(2)) {
      const refused = await post(article.id, 'One remark too many for this minute.');
      expect([refused.status, refused.body.error.code]).toEqual([429, 'RATE_LIMITED']);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Neither the length rule nor the policy ran: a refused body of any size costs the same.
    const huge = await post(articles[3]!.id, 'a '.repeat(8000));
    expect(huge.status).toBe(429);
    expect(calls).toBe(2);
    const other = await aUser(t.http);
    expect((await t.http.post(`/api/v1/articles/${articles[3]!.id}/comments`, { body: 'Someone else may post.' }, { token: other.token })).status).toBe(201);
  });
});
