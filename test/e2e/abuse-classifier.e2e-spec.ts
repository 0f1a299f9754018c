import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_POLICY } from '@/modules/policy/default-policy/default-policy.js';
import { anArticle } from '../factories/articles.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import { startService } from '../helpers/service-process.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const EXPORT_CLI = fileURLToPath(new URL('../../dist/modules/policy/training/export-decisions.cli.js', import.meta.url));
/** Mockery of looks: no word list names any of it. */
const MOCKERY = '못생긴 게 나대기는';
const SUSPICION = '얼굴 보니까 딱 사기꾼 상이네 ㅋㅋ';

interface QueueReason {
  rule: string;
  clause?: string;
  score?: number;
  match?: { text: string; start: number; end: number };
  matches?: { text: string; start: number; end: number }[];
}

describe('the built-in abuse classifier', () => {
  let t: TestApp;
  let admin: LoggedInUser;
  let moderator: LoggedInUser;
  let folder: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await aUser(t.http, { role: 'admin' });
    moderator = await aUser(t.http, { role: 'moderator' });
    folder = await mkdtemp(path.join(os.tmpdir(), 'decision-export-'));
  });
  afterAll(async () => {
    await t.close();
    await rm(folder, { recursive: true, force: true });
  });

  const post = async (articleId: string, body: string) =>
    t.http.post(`/api/v1/articles/${articleId}/comments`, { body }, { token: (await aUser(t.http)).token });
  const pending = async (articleId: string) =>
    (await t.http.get(`/api/v1/moderation/queues/pending?articleId=${articleId}`, { token: moderator.token })).body.items;
  const decide = (commentId: string, action: 'approve' | 'reject', extra: object = {}) =>
    t.http.post(`/api/v1/moderation/comments/${commentId}/decision`, { action, reason: `${action} in a test`, ...extra }, { token: moderator.token });
  const exportDecisions = async (): Promise<Record<string, unknown>[]> => {
    const out = path.join(folder, `decisions-${Date.now()}.jsonl`);
    await promisify(execFile)(process.execPath, [EXPORT_CLI, '--out', out], { env: { ...process.env, DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'silent' } });
    return (await readFile(out, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  };

  it('holds an insult no word list names, and the moderation queue shows the rule, its clause, the score and the words', async () => {
    const article = await anArticle(t.http, admin.token);
    const posted = await post(article.id, MOCKERY);
    expect(posted.status).toBe(201);
    expect(posted.body.comment.status).toBe('pending');
    expect(posted.body.verdict.decision).toBe('hold');
    expect(posted.body.verdict.reasons.map((r: { rule: string }) => r.rule)).toEqual(['classifier.abuse']);

    const [item] = await pending(article.id);
    expect(item.comment.id).toBe(posted.body.comment.id);
    const reason = (item.reasons as QueueReason[]).find((r) => r.rule === 'classifier.abuse')!;
    expect(reason.clause).toContain('Standards Board Policy');
    expect(reason.score).toBeGreaterThanOrEqual(DEFAULT_POLICY.classifier.ko.holdAt);
    expect(reason.score).toBeLessThanOrEqual(1);
    const spans = reason.matches ?? [reason.match!];
    expect(spans.length).toBeGreaterThan(0);
    for (const span of spans) expect(MOCKERY.slice(span.start, span.end)).toBe(span.text);
    expect(spans.map((s) => s.text).join(' ')).toMatch(/못생긴|나대기는/u);
  });

  it('keeps each moderator decision as a labelled example that npm run export:decisions writes out', async () => {
    const article = await anArticle(t.http, admin.token);
    const rejected = (await post(article.id, MOCKERY)).body.comment.id as string;
    const approved = (await post(article.id, SUSPICION)).body.comment.id as string;
    const published = await post(article.id, '좋은 기사 감사합니다');
    expect(published.body.comment.status).toBe('published');
    expect((await decide(rejected, 'reject')).status).toBe(200);
    expect((await decide(approved, 'approve')).status).toBe(200);

    const lines = await exportDecisions();
    const byText = new Map(lines.map((line) => [line.text, line]));
    expect(byText.get(MOCKERY)).toMatchObject({ label: 1, tag: 'moderator:pending', policyVersion: 1, rules: ['classifier.abuse'] });
    expect(byText.get(SUSPICION)).toMatchObject({ label: 0, tag: 'moderator:pending', policyVersion: 1, rules: ['classifier.abuse'] });
    expect(typeof byText.get(MOCKERY)!.score).toBe('number');
    expect(byText.has('좋은 기사 감사합니다')).toBe(false);

    // An overturned decision replaces the example: the label is the last human word.
    expect((await decide(approved, 'reject', { override: true })).status).toBe(200);
    const again = (await exportDecisions()).filter((line) => line.text === SUSPICION);
    expect(again).toEqual([expect.objectContaining({ label: 1, tag: 'moderator:published' })]);
  });

  it('records no example when a decision is refused', async () => {
    const article = await anArticle(t.http, admin.token);
    const id = (await post(article.id, MOCKERY)).body.comment.id as string;
    const before = (await exportDecisions()).length;
    const other = await aUser(t.http, { role: 'moderator' });
    expect((await decide(id, 'approve')).status).toBe(200);
    const conflict = await t.http.post(`/api/v1/moderation/comments/${id}/decision`, { action: 'reject', reason: 'no' }, { token: other.token });
    expect(conflict.status).toBe(409);
    const after = await exportDecisions();
    expect(after.length).toBe(before + 1);
    expect(after.filter((line) => line.text === MOCKERY && line.label === 0)).toHaveLength(1);
  });
});

describe('the classifier weights at start-up', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'weights-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('refuses to create the app on a missing weights file, naming the file', async () => {
    const missing = path.join(folder, 'absent.cdac');
    await expect(startTestApp({ env: { CLASSIFIER_WEIGHTS: missing } })).rejects.toThrow(missing);
  });

  it('stops `npm start` with exit code 1 and one line naming a corrupt weights file, before the database', async () => {
    const corrupt = path.join(folder, 'corrupt.cdac');
    await writeFile(corrupt, 'CDAC not really weights');
    const started = startService({ CLASSIFIER_WEIGHTS: corrupt, DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none', LOG_LEVEL: 'info' });
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain(`abuse classifier weights ${corrupt}`);
    expect(started.output()).toContain('Comment Desk could not start');
  });
});
