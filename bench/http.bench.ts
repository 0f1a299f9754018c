// HTTP benchmark of the comment service as it runs in production: a database of 1,000,000 comments,
// the app as its own process (NODE_ENV=production), and autocannon in a third process driving the
// pages readers load, the posts they make and the moderators' queue.
//
//   npm run bench                    (embedded PostgreSQL in a temp folder; or DATABASE_URL's server)
//   npm run bench -- --cpu-prof      (the app writes V8 CPU profiles to bench/results/profiles/)
//   BENCH_DURATION=20 npm run bench  (seconds per scenario, after a 2 s warm-up; default 10)
//
// Absolute figures drift on a shared machine; each scenario's ratio to the floor (GET /healthz,
// measured in the same run) is the figure to compare. Writes bench/results/http.txt (table, targets,
// query plans, pgbench) and bench/results/http.md (the table for the README). Exits 0: it is a report.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { decodeCursor } from '@/modules/comments/comment-cursor.js';
import type { CommentPageQuery } from '@/modules/comments/comments.repository.js';
import { DEFAULT_POLICY } from '@/modules/policy/default-policy/default-policy.js';
import { findFreePort } from '@/database/free-port.js';
import { type AppProcess, startApp } from './http/app-process.js';
import { openBenchDatabase } from './http/bench-database.js';
import { Cleanup } from './http/cleanup.js';
import { explainPlans, findPgbench, type LabelledQuery, PGBENCH_ARGS, pgbenchStatements } from './http/list-statement.js';
import { continuingAt, type LoadResult, type PostingPlan, type RequestMix } from './http/load-plan.js';
import { codeLine, loadAverage, machineLine } from './http/machine.js';
import { type LoggedIn, logInModerator, logInReaders } from './http/readers.js';
import { failures, formatMs, formatRate, markdownTable, type ScenarioOutcome, type TargetCheck, targetLines, textTable } from './http/report.js';
import { runLoad } from './http/run-load.js';
import { BIG_ARTICLE, POSTING_ARTICLES, READERS, seed, SMALL_ARTICLE, spreadArticleId } from './http/seed.js';

const DURATION_SECONDS = readDuration();
const WARMUP_SECONDS = 2;
const CONNECTIONS = 64;
const TIMEOUT_SECONDS = 10;
const DEEP_PAGES = 50;
const PAGE_SIZE = 20;
/** COMMENT_RATE_LIMIT and AUTH_RATE_LIMIT for the app: the bench measures the service, not its throttle. */
const RAISED_RATE_LIMIT = '1000000/60';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS = path.join(ROOT, 'bench', 'results');
const PROFILES = path.join(RESULTS, 'profiles');
const APP_ENTRY = fileURLToPath(new URL('../src/main.js', import.meta.url));

const DAILY_QUOTA = DEFAULT_POLICY.quotas.daily.limit;
const PER_ARTICLE_QUOTA = DEFAULT_POLICY.quotas.perArticle.limit;
/** Reads in the mixed run: first pages of articles of every size, the posting articles' included. */
const MIXED_READ_ARTICLES = [
  BIG_ARTICLE,
  SMALL_ARTICLE,
  spreadArticleId(1),
  spreadArticleId(2),
  spreadArticleId(3),
  spreadArticleId(5000),
  POSTING_ARTICLES[0]!,
];
const MIXED_POST_EVERY = 20;

const firstPage = (articleId: string): string => `/api/v1/articles/${encodeURIComponent(articleId)}/comments`;

function readDuration(): number {
  const seconds = Number(process.env.BENCH_DURATION ?? 10);
  if (!Number.isFinite(seconds) || seconds < 1) throw new Error(`BENCH_DURATION must be a number of seconds ≥ 1, not "${process.env.BENCH_DURATION}"`);
  return seconds;
}

/** The bench-wide state the scenarios share. */
interface Bench {
  cleanup: Cleanup;
  client: pg.Client;
  app: AppProcess;
  readers: LoggedIn[];
  moderator: LoggedIn;
  /** The next posting sequence number: every post of the run draws from one sequence (see postingSlot). */
  nextPost: number;
}

/** A warm-up run, then the measured run, each followed by a drain, so no run inherits the last one's backlog. */
async function measure(bench: Bench, name: string, mix: RequestMix): Promise<ScenarioOutcome> {
  const run = async (durationSeconds: number): Promise<LoadResult> => {
    const plan = {
      baseUrl: bench.app.baseUrl,
      connections: CONNECTIONS,
      durationSeconds,
      timeoutSeconds: TIMEOUT_SECONDS,
      mix: continuingAt(mix, bench.nextPost),
    };
    const result = await runLoad(plan, bench.cleanup);
    bench.nextPost += result.postsBuilt;
    await waitUntilDatabaseIdle(bench.client);
    return result;
  };
  const warmup = await run(WARMUP_SECONDS);
  const measured = await run(DURATION_SECONDS);
  console.log(
    `  ${name}: ${formatRate(measured.requestsPerSecond)} req/s, p50 ${formatMs(measured.p50Ms)}, p99 ${formatMs(measured.p99Ms)}, failures ${failures(measured)}`,
  );
  return { name, connections: CONNECTIONS, warmup, measured };
}

const DRAIN_TIMEOUT_MS = 30_000;
const DRAIN_QUIET_POLLS = 3;

/**
 * Requests cut off when a run stops go on running in the app and the database; the next run waits
 * until no statement of the app is active for a few polls in a row.
 */
async function waitUntilDatabaseIdle(client: pg.Client): Promise<void> {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  for (let quiet = 0; quiet < DRAIN_QUIET_POLLS;) {
    if (Date.now() > deadline) {
      console.log(`  (the app's statements were still running ${DRAIN_TIMEOUT_MS / 1000} s after the run; going on)`);
      return;
    }
    const { rows } = await client.query<{ active: number }>(
      `SELECT count(*)::int AS active FROM pg_stat_activity
       WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND state <> 'idle'`,
    );
    quiet = rows[0]!.active === 0 ? quiet + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function postingPlan(bench: Bench): PostingPlan {
  return {
    tokens: bench.readers.map((reader) => reader.accessToken),
    articleIds: POSTING_ARTICLES,
    perArticle: PER_ARTICLE_QUOTA,
    firstSequence: bench.nextPost,
  };
}

// ---- posting: every 201 must be a row ----

interface PostingAccount {
  answered201: number;
  found: number;
  newRows: Record<string, number>;
  newRowCount: number;
  /** Requests sent but never answered: cut off when a run stopped (their comment may well have committed). */
  unanswered: number;
}

async function postedRowsByStatus(client: pg.Client): Promise<Record<string, number>> {
  const { rows } = await client.query<{ status: string; n: number }>(
    'SELECT status::text, count(*)::int AS n FROM comments WHERE article_id = ANY($1) GROUP BY status',
    [POSTING_ARTICLES],
  );
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

async function accountPosts(client: pg.Client, before: Record<string, number>, outcome: ScenarioOutcome): Promise<PostingAccount> {
  const after = await postedRowsByStatus(client);
  const newRows = Object.fromEntries(Object.entries(after).map(([status, n]) => [status, n - (before[status] ?? 0)]));
  const createdIds = [...outcome.warmup.createdIds, ...outcome.measured.createdIds];
  const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM comments WHERE id = ANY($1::uuid[])', [createdIds]);
  const unanswered = [outcome.warmup, outcome.measured].reduce((sum, run) => sum + Math.max(0, run.sent - run.answered), 0);
  return {
    answered201: createdIds.length,
    found: rows[0]!.n,
    newRows,
    newRowCount: Object.values(newRows).reduce((sum, n) => sum + n, 0),
    unanswered,
  };
}

/** Every 201 is a row, and every row beyond the 201s is explained by a request whose answer was cut off. */
function postsConsistent(account: PostingAccount): boolean {
  const extra = account.newRowCount - account.answered201;
  return account.found === account.answered201 && extra >= 0 && extra <= account.unanswered;
}

function describePosts(label: string, account: PostingAccount): string {
  const statuses = Object.entries(account.newRows)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${status} ${n.toLocaleString('en-US')}`)
    .join(', ');
  const extra = account.newRowCount - account.answered201;
  return (
    `${label}: ${account.answered201.toLocaleString('en-US')} answered 201 (warm-up included), ${account.found.toLocaleString('en-US')} of them found in comments; ` +
    `${account.newRowCount.toLocaleString('en-US')} new rows (${statuses || 'none'})` +
    (extra === 0 ? ': equal' : `: ${extra} more than the 201s, from the ${account.unanswered} requests cut off when autocannon stopped`) +
    ` — ${postsConsistent(account) ? 'consistent' : 'INCONSISTENT'}`
  );
}

const fiveHundreds = (outcome: ScenarioOutcome): number =>
  [outcome.warmup.statuses, outcome.measured.statuses].reduce(
    (sum, statuses) => sum + Object.entries(statuses).reduce((n, [status, count]) => (status.startsWith('5') ? n + count : n), 0),
    0,
  );

// ---- preparing the reads ----

/** Follows nextCursor `pages` pages into sort=top, as a reader scrolling would, and returns the cursor there. */
async function deepTopCursor(baseUrl: string, reader: LoggedIn, pages: number): Promise<string> {
  let cursor: string | null = null;
  for (let page = 0; page < pages; page++) {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const response = await fetch(`${baseUrl}${firstPage(BIG_ARTICLE)}?sort=top${query}`, { headers: { authorization: `Bearer ${reader.accessToken}` } });
    if (response.status !== 200) throw new Error(`sort=top page ${page + 1}: ${response.status} ${await response.text()}`);
    cursor = ((await response.json()) as { nextCursor: string | null }).nextCursor;
    if (!cursor) throw new Error(`sort=top ended after ${page + 1} pages`);
  }
  return cursor!;
}

async function firstPageEtag(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}${firstPage(BIG_ARTICLE)}`);
  await response.arrayBuffer();
  const etag = response.headers.get('etag');
  if (!etag) throw new Error('the first page came without an ETag');
  return etag;
}

// ---- the run ----

async function startBenchApp(databaseUrl: string, ssoSecret: string, cleanup: Cleanup): Promise<AppProcess> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const cpuProfile = process.argv.includes('--cpu-prof');
  if (cpuProfile) await mkdir(PROFILES, { recursive: true });
  const app = await startApp({
    entry: APP_ENTRY,
    baseUrl,
    // As `npm start` runs it (package.json), heap limit included.
    nodeFlags: [
      `--max-old-space-size=${process.env.NODE_HEAP_MB ?? 128}`,
      '--max-semi-space-size=8',
      ...(cpuProfile ? ['--cpu-prof', `--cpu-prof-dir=${PROFILES}`] : []),
    ],
    env: {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      SSO_SECRET: ssoSecret,
      SSO_TRUST_ROLE: 'true',
      LOG_LEVEL: 'warn',
      COMMENT_RATE_LIMIT: RAISED_RATE_LIMIT,
      AUTH_RATE_LIMIT: RAISED_RATE_LIMIT,
    },
  });
  cleanup.add('stop the app', () => app.stop());
  return app;
}

interface Measured {
  floor: ScenarioOutcome;
  bigAnonymous: ScenarioOutcome;
  smallAnonymous: ScenarioOutcome;
  loggedIn: ScenarioOutcome;
  deepTop: ScenarioOutcome;
  notModified: ScenarioOutcome;
  posting: ScenarioOutcome;
  mixed: ScenarioOutcome;
  queue: ScenarioOutcome;
  postingAccount: PostingAccount;
  mixedAccount: PostingAccount;
  rssAfterMixed: number | undefined;
}

/** The scenarios in table order; reads first, while the data is as seeded. */
async function runScenarios(bench: Bench, topCursor: string, etag: string): Promise<Measured> {
  const { app, client, readers, moderator } = bench;
  const readerTokens = readers.map((reader) => reader.accessToken);
  console.log(`each scenario: ${WARMUP_SECONDS} s warm-up, then ${DURATION_SECONDS} s measured, at ${CONNECTIONS} connections`);
  const floor = await measure(bench, 'floor: GET /healthz', { kind: 'get', paths: ['/healthz'] });
  const bigAnonymous = await measure(bench, 'first page, 100k-comment article, anonymous', { kind: 'get', paths: [firstPage(BIG_ARTICLE)] });
  const smallAnonymous = await measure(bench, 'first page, 100-comment article, anonymous', { kind: 'get', paths: [firstPage(SMALL_ARTICLE)] });
  const loggedIn = await measure(bench, 'first page, 100k article, logged-in reader', { kind: 'get', paths: [firstPage(BIG_ARTICLE)], tokens: readerTokens });
  const deepTop = await measure(bench, `sort=top, page ${DEEP_PAGES + 1}, logged-in reader`, {
    kind: 'get',
    paths: [`${firstPage(BIG_ARTICLE)}?sort=top&cursor=${encodeURIComponent(topCursor)}`],
    tokens: readerTokens,
  });
  const notModified = await measure(bench, 'first page, If-None-Match → 304', {
    kind: 'get',
    paths: [firstPage(BIG_ARTICLE)],
    headers: { 'if-none-match': etag },
  });

  const beforePosting = await postedRowsByStatus(client);
  const posting = await measure(bench, `post a comment (default policy, ${READERS.toLocaleString('en-US')} readers)`, {
    kind: 'post',
    posting: postingPlan(bench),
  });
  const postingAccount = await accountPosts(client, beforePosting, posting);

  const beforeMixed = await postedRowsByStatus(client);
  const mixed = await measure(bench, `mixed: ${100 - 100 / MIXED_POST_EVERY} % first pages / ${100 / MIXED_POST_EVERY} % posts`, {
    kind: 'mixed',
    paths: MIXED_READ_ARTICLES.map(firstPage),
    postEvery: MIXED_POST_EVERY,
    posting: postingPlan(bench),
  });
  const mixedAccount = await accountPosts(client, beforeMixed, mixed);
  const rssAfterMixed = await app.residentMB();

  const queue = await measure(bench, 'moderation queue, first page (moderator)', {
    kind: 'get',
    paths: ['/api/v1/moderation/queues/pending'],
    tokens: [moderator.accessToken],
  });
  return { floor, bigAnonymous, smallAnonymous, loggedIn, deepTop, notModified, posting, mixed, queue, postingAccount, mixedAccount, rssAfterMixed };
}

const tableOrder = (m: Measured): ScenarioOutcome[] => [
  m.floor,
  m.bigAnonymous,
  m.smallAnonymous,
  m.loggedIn,
  m.deepTop,
  m.notModified,
  m.posting,
  m.mixed,
  m.queue,
];

function postingNotes(bench: Bench, m: Measured): string[] {
  const quotaBudget = READERS * DAILY_QUOTA;
  return [
    describePosts('posting', m.postingAccount),
    describePosts('mixed', m.mixedAccount),
    `posts built: ${bench.nextPost.toLocaleString('en-US')} of the ${quotaBudget.toLocaleString('en-US')} the ${READERS.toLocaleString('en-US')} readers may post today ` +
      `(daily quota ${DAILY_QUOTA}, ${PER_ARTICLE_QUOTA} per article over ${POSTING_ARTICLES.length} articles)` +
      (bench.nextPost > quotaBudget ? ' — PAST THE QUOTAS: the posts beyond were refused by quota.daily' : ''),
    `app RSS after the mixed run: ${formatMB(m.rssAfterMixed)}`,
  ];
}

function targetChecks(m: Measured): TargetCheck[] {
  const floorRate = m.floor.measured.requestsPerSecond;
  const ratio = (outcome: ScenarioOutcome): number => outcome.measured.requestsPerSecond / floorRate;
  const answered304 = m.notModified.measured.statuses['304'] ?? 0;
  const created201PerSecond = (m.posting.measured.statuses['201'] ?? 0) / m.posting.measured.seconds;
  const bigOverSmall = m.bigAnonymous.measured.requestsPerSecond / m.smallAnonymous.measured.requestsPerSecond;
  const postingConsistent = postsConsistent(m.postingAccount);
  return [
    {
      label: `first page anonymous ≥ 0.40 of floor and p99 ≤ 30 ms at ${CONNECTIONS} connections`,
      met: ratio(m.bigAnonymous) >= 0.4 && m.bigAnonymous.measured.p99Ms <= 30,
      measured: `${ratio(m.bigAnonymous).toFixed(3)} of floor, p99 ${formatMs(m.bigAnonymous.measured.p99Ms)}`,
    },
    { label: '100k-comment article within 10 % of the 100-comment article', met: bigOverSmall >= 0.9, measured: `${bigOverSmall.toFixed(3)} of its req/s` },
    { label: 'logged-in first page ≥ 0.15 of floor', met: ratio(m.loggedIn) >= 0.15, measured: `${ratio(m.loggedIn).toFixed(3)} of floor` },
    {
      label: 'If-None-Match ≥ 0.70 of floor, every answer 304',
      met: ratio(m.notModified) >= 0.7 && answered304 === m.notModified.measured.answered,
      measured: `${ratio(m.notModified).toFixed(3)} of floor, ${answered304.toLocaleString('en-US')} of ${m.notModified.measured.answered.toLocaleString('en-US')} answers 304`,
    },
    {
      label: 'posting ≥ 1,000 comments/s, every 201 a row, no 5xx',
      met: created201PerSecond >= 1000 && postingConsistent && fiveHundreds(m.posting) === 0,
      measured: `${formatRate(created201PerSecond)} × 201/s, rows ${postingConsistent ? 'consistent' : 'INCONSISTENT'}, ${fiveHundreds(m.posting)} × 5xx`,
    },
    { label: 'RSS ≤ 200 MB after the mixed run', met: m.rssAfterMixed !== undefined && m.rssAfterMixed <= 200, measured: formatMB(m.rssAfterMixed) },
  ];
}

function formatMB(megabytes: number | undefined): string {
  return megabytes === undefined ? 'unknown (no /proc)' : `${megabytes.toFixed(0)} MB`;
}

/** The list statement without HTTP: the plans, and pgbench on the first pages. */
async function measureListStatement(bench: Bench, databaseUrl: string, topCursor: string): Promise<{ plans: string[]; pgbench: string[] }> {
  const firstPageOf = (articleId: string): CommentPageQuery => ({ articleId, parentId: null, sort: 'newest', limit: PAGE_SIZE });
  const firstPages: LabelledQuery[] = [
    { label: `first page, ${BIG_ARTICLE} (100,000 comments), anonymous`, query: firstPageOf(BIG_ARTICLE) },
    { label: `first page, ${SMALL_ARTICLE} (100 comments), anonymous`, query: firstPageOf(SMALL_ARTICLE) },
  ];
  const deepTop: LabelledQuery = {
    label: `sort=top, page ${DEEP_PAGES + 1} (cursor), ${BIG_ARTICLE}, logged-in reader`,
    query: { articleId: BIG_ARTICLE, parentId: null, sort: 'top', limit: PAGE_SIZE, after: decodeCursor(topCursor, 'top'), viewerId: bench.readers[0]!.userId },
  };
  const featured: LabelledQuery = { label: `featured=true, ${BIG_ARTICLE}, anonymous`, query: { ...firstPageOf(BIG_ARTICLE), featured: true } };
  const plans = await explainPlans(bench.client, [...firstPages, deepTop, featured]);
  const pgbench = await findPgbench();
  if (!pgbench.found) return { plans, pgbench: [pgbench.hint] };
  const results = await pgbenchStatements(databaseUrl, firstPages, bench.cleanup);
  return {
    plans,
    pgbench: [
      `pgbench ${PGBENCH_ARGS.join(' ')} on the list statement (${pgbench.version}):`,
      ...results.map((result) => `  ${result.label}: ${formatRate(result.tps)} tps, latency average ${result.latencyMs.toFixed(3)} ms`),
    ],
  };
}

/** The CPU profiles the app process wrote on exit (node names them after its pid), when --cpu-prof was given. */
async function profilesOf(pid: number): Promise<string[]> {
  if (!process.argv.includes('--cpu-prof')) return [];
  const files = (await readdir(PROFILES)).filter((file) => file.includes(`.${pid}.`) && file.endsWith('.cpuprofile'));
  return files.length
    ? files.map((file) => `CPU profile: ${path.relative(ROOT, path.join(PROFILES, file))}`)
    : ['CPU profile: none written (did the app exit cleanly?)'];
}

async function main(): Promise<void> {
  const started = Date.now();
  const cleanup = new Cleanup();
  cleanup.runOnSignals();
  try {
    const database = await openBenchDatabase(cleanup);
    const client = new pg.Client({ connectionString: database.url });
    // A server going away (Ctrl-C reaches it too) must fail the run, not crash past the cleanup.
    client.on('error', (error) => console.error(`bench connection: ${error.message}`));
    await client.connect();
    cleanup.add('close the bench connection', () => client.end());
    const loadAtStart = loadAverage();
    const header = [await machineLine(client, database.where), await codeLine()];
    console.log(header.join('\n'));

    console.log('seeding…');
    const seeded = await seed(client, console.log);
    header.push(
      `data: ${seeded.comments.toLocaleString('en-US')} comments (${seeded.replies.toLocaleString('en-US')} replies; ` +
        `${Object.entries(seeded.byStatus)
          .map(([status, n]) => `${status} ${n.toLocaleString('en-US')}`)
          .join(', ')}), ` +
        `${seeded.likeRows.toLocaleString('en-US')} like rows; seeded in ${seeded.seconds.toFixed(0)} s`,
    );

    const ssoSecret = randomBytes(32).toString('base64url');
    const app = await startBenchApp(database.url, ssoSecret, cleanup);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    header.push(
      `app: node ${path.relative(ROOT, APP_ENTRY)} (pid ${app.pid}), NODE_ENV=production, COMMENT_RATE_LIMIT=AUTH_RATE_LIMIT=${RAISED_RATE_LIMIT}; RSS idle after start: ${formatMB(await app.residentMB())}`,
    );
    const loginStarted = Date.now();
    const readers = await logInReaders(app.baseUrl, ssoSecret, READERS);
    const moderator = await logInModerator(app.baseUrl, ssoSecret);
    console.log(`logged in ${READERS.toLocaleString('en-US')} readers and a moderator through SSO in ${((Date.now() - loginStarted) / 1000).toFixed(1)} s`);
    const bench: Bench = { cleanup, client, app, readers, moderator, nextPost: 0 };

    const topCursor = await deepTopCursor(app.baseUrl, readers[0]!, DEEP_PAGES);
    const measured = await runScenarios(bench, topCursor, await firstPageEtag(app.baseUrl));
    const appLog = app.logSummary();
    // Stopped before pgbench so the statement has the machine to itself (and CPU profiles get written now).
    await app.stop();
    const profiles = await profilesOf(app.pid);
    const { plans, pgbench } = await measureListStatement(bench, database.url, topCursor);

    const floorRate = measured.floor.measured.requestsPerSecond;
    const table = textTable(tableOrder(measured), floorRate);
    const markdown = markdownTable(tableOrder(measured), floorRate);
    const report = postingNotes(bench, measured);
    const targets = targetLines(targetChecks(measured));
    const logNote = appLog.length ? ['the app logged (LOG_LEVEL=warn):', ...appLog.map((line) => `  ${line}`)] : ['the app logged nothing at warn and above'];
    const load = `load average (1 min) at start ${loadAtStart}, at the end ${loadAverage()} on ${os.cpus().length} cores`;
    const text = [...header, load, '', table, '', ...report, ...targets, '', ...pgbench, '', ...logNote, ...profiles];
    console.log(`\n${text.join('\n')}\n\n${markdown}\n`);
    console.log(`total bench time ${((Date.now() - started) / 1000).toFixed(0)} s; results: bench/results/http.txt, bench/results/http.md`);

    await mkdir(RESULTS, { recursive: true });
    await writeFile(path.join(RESULTS, 'http.txt'), `${text.join('\n')}\n\n-- query plans of the list statement (commentPageStatement)\n\n${plans.join('\n')}`);
    const context = [header[0], header[1], load].join('  \n');
    await writeFile(path.join(RESULTS, 'http.md'), `${context}\n\n${markdown}\n\n${targets.map((line) => `- ${line}`).join('\n')}\n`);
  } finally {
    await cleanup.run();
  }
}

await main();
