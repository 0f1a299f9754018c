// Moderation queue benchmark: a database of 1,000,000 comments (100,000 pending across 10,000
// articles), then the first page of each queue and of filtered queues, through the real HTTP API.
//
//   npm run bench:moderation            (embedded PostgreSQL; or DATABASE_URL's server)
//
// Prints p50/p95 per page and writes the query plans (EXPLAIN ANALYZE of the very statement each page runs)
// to bench/results/moderation-plans.txt. Target: p95 ≤ 10 ms per page.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createApp } from '@/app.js';
import { loadConfig } from '@/config/config.js';
import { createLogger } from '@/common/logging/logger.js';
import { createDatabase, dropDatabase, withDatabaseName } from '@/database/database-admin.js';
import { openEmbeddedDatabase } from '@/database/embedded-postgres.js';
import { findFreePort } from '@/database/free-port.js';
import { applyMigrations } from '@/database/migrations.js';
import { type QueueQuery, queueStatement } from '@/modules/moderation/queues.repository.js';
import { DEFAULT_SITE_ID, mintSiteScope } from '@/modules/sites/site-scope.js';

const COMMENTS = 1_000_000;
const PENDING = 100_000;
const ARTICLES = 10_000;
const USERS = 50_000;
const REJECTED = 20_000;
const REPORTED = 5_000;
const REQUESTS_PER_PAGE = 200;
const TARGET_P95_MS = 10;
const RESULTS = fileURLToPath(new URL('../../bench/results/', import.meta.url));

async function fill(client: pg.Client): Promise<void> {
  const started = Date.now();
  await client.query(`
    INSERT INTO articles (site_id, id, title, url, section, updated_at)
    SELECT 'default', 'bench-' || g, 'Article ' || g, 'https://news.example.com/' || g,
           (ARRAY['national','politics','world','business','sports'])[1 + g % 5], now()
    FROM generate_series(1, ${ARTICLES}) g`);
  await client.query(`
    INSERT INTO users (site_id, id, display_name, provider, created_at)
    SELECT 'default', uuidv7(), 'Reader ' || g, 'dev', now() - (g % 900) * interval '1 day' FROM generate_series(1, ${USERS}) g`);
  await client.query(`CREATE TEMP TABLE bench_users AS SELECT row_number() OVER () AS n, id FROM users`);
  // Statuses by position: the first PENDING are pending, then rejected, then reported, the rest published.
  await client.query(`
    INSERT INTO comments (site_id, id, article_id, author_id, body, status, verdict, rule_ids, open_reports, report_count, created_at)
    SELECT 'default', uuidv7(),
           'bench-' || (1 + g % ${ARTICLES}),
           u.id,
           'Benchmark comment number ' || g || ' about the news of the day.',
           (CASE WHEN g <= ${PENDING} THEN 'pending'
                 WHEN g <= ${PENDING + REJECTED} THEN 'rejected'
                 ELSE 'published' END)::"CommentStatus",
           CASE WHEN g <= ${PENDING + REJECTED}
                THEN jsonb_build_object('decision', 'hold', 'reasons', jsonb_build_array(jsonb_build_object(
                       'rule', (ARRAY['personal.phone','links.url','profanity.suspect','article.premoderation'])[1 + g % 4],
                       'action', 'hold', 'message', 'held')))
                ELSE '{"decision":"publish","reasons":[]}'::jsonb END,
           CASE WHEN g <= ${PENDING + REJECTED}
                THEN ARRAY[(ARRAY['personal.phone','links.url','profanity.suspect','article.premoderation'])[1 + g % 4]]
                ELSE '{}'::text[] END,
           CASE WHEN g > ${PENDING + REJECTED} AND g <= ${PENDING + REJECTED + REPORTED} THEN 1 + g % 2 ELSE 0 END,
           CASE WHEN g > ${PENDING + REJECTED} AND g <= ${PENDING + REJECTED + REPORTED} THEN 1 + g % 2 ELSE 0 END,
           now() - interval '30 days' + (g * interval '2 seconds')
    FROM generate_series(1, ${COMMENTS}) g
    JOIN bench_users u ON u.n = 1 + g % ${USERS}`);
  await client.query(`
    UPDATE articles a SET comment_count = c.n
    FROM (SELECT article_id, count(*)::int AS n FROM comments WHERE status = 'published' GROUP BY article_id) c
    WHERE c.article_id = a.id`);
  await client.query('VACUUM ANALYZE');
  console.log(
    `filled ${COMMENTS.toLocaleString('en')} comments (${PENDING.toLocaleString('en')} pending, ${ARTICLES.toLocaleString('en')} articles) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** The queue pages measured, as HTTP routes and as the repository's query for EXPLAIN. */
const PAGES: { label: string; route: string; query: QueueQuery }[] = [
  { label: 'pending, first page', route: '/api/v1/moderation/queues/pending', query: { queue: 'pending', limit: 20 } },
  { label: 'reported, first page', route: '/api/v1/moderation/queues/reported', query: { queue: 'reported', limit: 20 } },
  { label: 'rejected, first page', route: '/api/v1/moderation/queues/rejected', query: { queue: 'rejected', limit: 20 } },
  {
    label: 'pending, one article',
    route: '/api/v1/moderation/queues/pending?articleId=bench-4321',
    query: { queue: 'pending', limit: 20, articleId: 'bench-4321' },
  },
  { label: 'pending, by rule', route: '/api/v1/moderation/queues/pending?rule=links.url', query: { queue: 'pending', limit: 20, rule: 'links.url' } },
  { label: 'pending, by section', route: '/api/v1/moderation/queues/pending?section=politics', query: { queue: 'pending', limit: 20, section: 'politics' } },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'comment-desk-bench-'));
  await chmod(scratch, 0o755);
  const server = process.env.DATABASE_URL ? undefined : await openEmbeddedDatabase({ dataDir: path.join(scratch, 'pg'), port: await findFreePort() });
  const adminUrl = process.env.DATABASE_URL ?? server!.adminUrl;
  const name = 'comment_desk_bench';
  const url = withDatabaseName(adminUrl, name);
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  try {
    await dropDatabase(adminUrl, name);
    await createDatabase(adminUrl, name);
    await applyMigrations(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await fill(client);

    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, DEV_LOGIN: 'true', LOG_LEVEL: 'silent', PORT: '0' });
    app = await createApp(config, createLogger('silent'), url);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const login = await fetch(`${base}/api/v1/auth/dev`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bench moderator', role: 'moderator' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };

    const lines = [
      `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB; PostgreSQL ${server ? 'embedded' : 'DATABASE_URL'}`,
    ];
    let met = true;
    const get = async (route: string): Promise<{ server: number; roundTrip: number }> => {
      const started = process.hrtime.bigint();
      const response = await fetch(base + route, { headers: { authorization: `Bearer ${accessToken}` } });
      const body = (await response.json()) as { items: unknown[] };
      const roundTrip = Number(process.hrtime.bigint() - started) / 1e6;
      if (response.status !== 200 || body.items.length === 0) throw new Error(`${route}: ${response.status}`);
      return { server: Number(/dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1]), roundTrip };
    };
    // Warm every page first: the code paths get compiled and the pages' rows cached, as in service.
    for (let i = 0; i < 50; i++) for (const { route } of PAGES) await get(route);
    for (const { label, route } of PAGES) {
      const server: number[] = [];
      const roundTrip: number[] = [];
      for (let i = 0; i < REQUESTS_PER_PAGE; i++) {
        const timing = await get(route);
        server.push(timing.server);
        roundTrip.push(timing.roundTrip);
      }
      server.sort((x, y) => x - y);
      roundTrip.sort((x, y) => x - y);
      const p95 = percentile(server, 95);
      met &&= p95 <= TARGET_P95_MS;
      lines.push(
        `${label.padEnd(22)} server p50 ${percentile(server, 50).toFixed(2).padStart(6)} ms  p95 ${p95.toFixed(2).padStart(6)} ms` +
          `   round trip p95 ${percentile(roundTrip, 95).toFixed(2).padStart(6)} ms`,
      );
    }
    lines.push(`target: server time p95 ≤ ${TARGET_P95_MS} ms per page: ${met ? 'met' : 'NOT met'}`);
    console.log(lines.join('\n'));

    const plans: string[] = [];
    for (const { label, query } of PAGES) {
      const statement = queueStatement(mintSiteScope(DEFAULT_SITE_ID), query);
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
      plans.push(`-- ${label}\n${rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n')}\n`);
    }
    await mkdir(RESULTS, { recursive: true });
    await writeFile(path.join(RESULTS, 'moderation-plans.txt'), `${lines.join('\n')}\n\n${plans.join('\n')}`);
    console.log(`query plans: bench/results/moderation-plans.txt`);
    await client.end();
    if (!met) process.exitCode = 1;
  } finally {
    await app?.close();
    await dropDatabase(adminUrl, name).catch(() => undefined);
    await server?.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

await main();
