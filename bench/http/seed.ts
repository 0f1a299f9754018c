// The benchmark's data set, written by SQL: a million comments as a busy Korean news site holds them.
// Every row goes in through one INSERT … SELECT from temporary "plan" tables, so the counters
// (articles.comment_count, comments.reply_count, comments.like_count) are computed before the rows
// exist instead of being updated across a million rows afterwards.
import type pg from 'pg';
import { allPhrases, ENGLISH, KOREAN } from './phrases.js';

export const BIG_ARTICLE = 'bench-big';
export const SMALL_ARTICLE = 'bench-small';
export const BIG_ARTICLE_COMMENTS = 100_000;
export const SMALL_ARTICLE_COMMENTS = 100;
export const TOTAL_COMMENTS = 1_000_000;
export const SPREAD_ARTICLES = 10_000;
/** Fresh, open articles that only the posting scenarios write to (the per-article quota spreads posts over them). */
export const POSTING_ARTICLES = Array.from({ length: 7 }, (_, i) => `bench-post-${i + 1}`);
export const READERS = 1_000;
export const spreadArticleId = (n: number): string => `bench-a-${n}`;
/** The SSO subject of bench reader n (1-based): their accounts exist before they log in, so likes can be seeded. */
export const readerSubject = (n: number): string => `bench-reader-${n}`;

const AUTHORS = 50_000;
const BODIES = 20_000;
const REPLY_SHARE = 0.2;

export interface SeedSummary {
  comments: number;
  replies: number;
  byStatus: Record<string, number>;
  likeRows: number;
  seconds: number;
}

/** Fills an empty, migrated database; throws if the counters it leaves behind are not exact. */
export async function seed(client: pg.Client, log: (line: string) => void): Promise<SeedSummary> {
  const started = Date.now();
  const step = async (label: string, sql: string): Promise<void> => {
    const stepStarted = Date.now();
    await client.query(sql);
    log(`  seed: ${label} (${((Date.now() - stepStarted) / 1000).toFixed(1)} s)`);
  };
  const newId = await idExpression(client);

  // The change notifications are for live instances; a million of them at commit would only slow the seed.
  await client.query(
    `SET synchronous_commit = off; SET maintenance_work_mem = '512MB'; SET temp_buffers = '256MB'; SET work_mem = '256MB'; SELECT setseed(0.1201)`,
  );
  await client.query('ALTER TABLE comments DISABLE TRIGGER USER; ALTER TABLE articles DISABLE TRIGGER USER');
  try {
    await step('articles', articlesSql());
    await step('users and bench readers', usersSql(newId));
    await step('bodies', bodiesSql(allPhrases(KOREAN), allPhrases(ENGLISH)));
    await step('plan', planSql(newId));
    const restore = await setAsideIndexesAndForeignKeys(client, 'comments');
    await step('comments (primary key only)', insertCommentsSql());
    await step('comments: indexes and foreign keys', restore);
    await step('likes', likesSql());
    await step('article counts', articleCountsSql());
  } finally {
    await client.query('ALTER TABLE comments ENABLE TRIGGER USER; ALTER TABLE articles ENABLE TRIGGER USER');
  }
  await step('vacuum analyze', 'VACUUM ANALYZE');
  await assertCountersExact(client);
  return { ...(await summarize(client)), seconds: (Date.now() - started) / 1000 };
}

/**
 * Drops a table's secondary indexes and foreign keys, returning the SQL that puts them back: building
 * an index once over a million rows is several times faster than maintaining it row by row. Read
 * from the catalog, so whatever the migrations define is restored as it was.
 */
async function setAsideIndexesAndForeignKeys(client: pg.Client, table: string): Promise<string> {
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i WHERE i.indrelid = $1::regclass AND NOT i.indisprimary`,
    [table],
  );
  const { rows: foreignKeys } = await client.query<{ name: string; definition: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f'`,
    [table],
  );
  const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;
  for (const { name } of foreignKeys) await client.query(`ALTER TABLE ${table} DROP CONSTRAINT ${quoted(name)}`);
  for (const { name } of indexes) await client.query(`DROP INDEX ${name}`);
  return [
    ...indexes.map(({ definition }) => `${definition};`),
    ...foreignKeys.map(({ name, definition }) => `ALTER TABLE ${table} ADD CONSTRAINT ${quoted(name)} ${definition};`),
  ].join('\n');
}

/** Ids as the application makes them (UUIDv7, here dated like the row), where the server has uuidv7(). */
async function idExpression(client: pg.Client): Promise<(shift: string) => string> {
  const { rows } = await client.query<{ version: number }>(`SELECT current_setting('server_version_num')::int AS version`);
  return rows[0]!.version >= 180_000 ? (shift) => `uuidv7(${shift})` : () => 'gen_random_uuid()';
}

function articlesSql(): string {
  const sections = `(ARRAY['national','politics','world','business','sports','culture'])`;
  return `
    INSERT INTO articles (site_id, id, title, url, section, created_at, updated_at)
    SELECT 'default', id, title, 'https://news.example.com/articles/' || id, section, created_at, now()
    FROM (
      VALUES ('${BIG_ARTICLE}', '속보: 기준금리 전격 인하', 'business', now() - interval '3 days'),
             ('${SMALL_ARTICLE}', '동네 도서관 새 단장', 'culture', now() - interval '1 day')
      UNION ALL
      SELECT 'bench-a-' || g, '기사 ' || g, ${sections}[1 + g % 6], now() - interval '30 days' + g * interval '4 minutes'
      FROM generate_series(1, ${SPREAD_ARTICLES}) g
      UNION ALL
      SELECT 'bench-post-' || g, '새 기사 ' || g, 'national', now() - interval '1 hour'
      FROM generate_series(1, ${POSTING_ARTICLES.length}) g
    ) a (id, title, section, created_at)`;
}

function usersSql(newId: (shift: string) => string): string {
  const family = `(ARRAY['김','이','박','최','정','강','조','윤','장','임','한','오'])`;
  const given = `(ARRAY['민준','서연','도윤','하은','시우','지유','주원','서윤','지호','수아','Alex','Sam','Jordan'])`;
  return `
    INSERT INTO users (site_id, id, display_name, provider, created_at)
    SELECT 'default', ${newId("-(g % 900) * interval '1 day'")}, ${family}[1 + g % 12] || ${given}[1 + (g / 12) % 13], 'sso',
           now() - (g % 900) * interval '1 day'
    FROM generate_series(1, ${AUTHORS}) g;
    CREATE TEMP TABLE bench_authors AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM users;
    CREATE UNIQUE INDEX ON bench_authors (n);

    CREATE TEMP TABLE bench_readers AS SELECT g AS n, ${newId("-interval '200 days'")} AS id FROM generate_series(1, ${READERS}) g;
    CREATE UNIQUE INDEX ON bench_readers (n);
    INSERT INTO users (site_id, id, display_name, provider, created_at)
    SELECT 'default', id, '독자 ' || n, 'sso', now() - interval '200 days' FROM bench_readers;
    INSERT INTO identities (site_id, id, user_id, provider, subject)
    SELECT 'default', ${newId("-interval '200 days'")}, id, 'sso', 'bench-reader-' || n FROM bench_readers`;
}

/** 20,000 bodies of 1–13 phrases, seven in ten Korean, cut at 250 characters. */
function bodiesSql(korean: string[], english: string[]): string {
  return `
    CREATE TEMP TABLE bench_bodies AS
    SELECT n, left(string_agg(phrase, ' ' ORDER BY k), 250) AS body
    FROM (
      SELECT n, k, CASE WHEN n % 10 < 7 THEN ko[1 + floor(random() * cardinality(ko))::int]
                        ELSE en[1 + floor(random() * cardinality(en))::int] END AS phrase
      FROM (SELECT ${textArray(korean)} AS ko, ${textArray(english)} AS en) words,
           generate_series(1, ${BODIES}) n,
           LATERAL generate_series(1, CASE WHEN n % 10 < 7 THEN 1 + (n * 7919) % 13 ELSE 1 + (n * 7919) % 7 END) k
    ) phrases
    GROUP BY n;
    CREATE UNIQUE INDEX ON bench_bodies (n)`;
}

const textArray = (items: string[]): string => `ARRAY[${items.map((item) => `'${item.replaceAll("'", "''")}'`).join(', ')}]`;

/**
 * Where each comment goes, who wrote it, when, and what became of it. Replies (one level) pick a
 * thread of their own article that was public when they were written, and come after it.
 */
function planSql(newId: (shift: string) => string): string {
  const spreadArticle = `'bench-a-' || (1 + floor(power(random(), 1.5) * ${SPREAD_ARTICLES}))::int`;
  return `
    CREATE TEMP TABLE bench_draws AS
    SELECT g,
           CASE WHEN g <= ${BIG_ARTICLE_COMMENTS} THEN '${BIG_ARTICLE}'
                WHEN g <= ${BIG_ARTICLE_COMMENTS + SMALL_ARTICLE_COMMENTS} THEN '${SMALL_ARTICLE}'
                ELSE ${spreadArticle} END AS article_id,
           random() < ${REPLY_SHARE} AS is_reply,
           random() AS r_status, random() AS r_time, random() AS r_like, random() AS r_parent,
           1 + floor(random() * ${BODIES})::int AS body_n,
           1 + floor(random() * ${AUTHORS})::int AS author_n
    FROM generate_series(1, ${TOTAL_COMMENTS}) g;

    CREATE TEMP TABLE bench_threads AS
    SELECT g, article_id, status, created_at, ${newId('created_at - now()')} AS id
    FROM (
      SELECT g, article_id,
             CASE WHEN r_status < 0.015 THEN 'pending' WHEN r_status < 0.025 THEN 'rejected'
                  WHEN r_status < 0.03 THEN 'deleted' ELSE 'published' END AS status,
             now() - r_time * CASE article_id WHEN '${BIG_ARTICLE}' THEN interval '3 days'
                                              WHEN '${SMALL_ARTICLE}' THEN interval '1 day'
                                              ELSE interval '30 days' END AS created_at
      FROM bench_draws WHERE NOT is_reply
    ) t;
    CREATE TEMP TABLE bench_open_threads AS
    SELECT article_id, row_number() OVER (PARTITION BY article_id ORDER BY g) AS n, id, created_at
    FROM bench_threads WHERE status IN ('published', 'deleted');
    CREATE UNIQUE INDEX ON bench_open_threads (article_id, n);
    CREATE TEMP TABLE bench_thread_counts AS SELECT article_id, count(*) AS threads FROM bench_open_threads GROUP BY article_id;

    CREATE TEMP TABLE bench_replies AS
    SELECT d.g, d.article_id, parent.id AS parent_id,
           CASE WHEN d.r_status < 0.01 THEN 'pending' WHEN d.r_status < 0.015 THEN 'rejected'
                WHEN d.r_status < 0.018 THEN 'deleted' ELSE 'published' END AS status,
           parent.created_at + (now() - parent.created_at) * (d.r_time * 0.5) AS created_at
    FROM bench_draws d
    JOIN bench_thread_counts tc ON tc.article_id = d.article_id
    JOIN bench_open_threads parent ON parent.article_id = d.article_id AND parent.n = 1 + floor(d.r_parent * tc.threads)::bigint
    WHERE d.is_reply;

    CREATE TEMP TABLE bench_plan AS
    SELECT d.g, d.article_id, t.parent_id, t.status, t.created_at,
           CASE WHEN t.parent_id IS NULL THEN t.id ELSE ${newId('t.created_at - now()')} END AS id,
           CASE WHEN t.status IN ('published', 'deleted')
                THEN floor(power(d.r_like, 12) * CASE WHEN t.parent_id IS NULL THEN 3000 ELSE 600 END)::int ELSE 0 END AS like_count,
           d.body_n, d.author_n
    FROM bench_draws d
    JOIN (
      SELECT g, NULL::uuid AS parent_id, status, created_at, id FROM bench_threads
      UNION ALL
      SELECT g, parent_id, status, created_at, NULL FROM bench_replies
      UNION ALL
      -- A reply drawn for an article with no public thread yet starts one.
      SELECT d.g, NULL, 'published', now() - d.r_time * interval '30 days', ${newId("-d.r_time * interval '30 days'")}
      FROM bench_draws d WHERE d.is_reply AND NOT EXISTS (SELECT 1 FROM bench_replies r WHERE r.g = d.g)
    ) t ON t.g = d.g;
    CREATE TEMP TABLE bench_reply_counts AS
    SELECT parent_id, count(*)::int AS n FROM bench_plan WHERE parent_id IS NOT NULL AND status = 'published' GROUP BY parent_id;
    CREATE UNIQUE INDEX ON bench_reply_counts (parent_id)`;
}

/**
 * One bench reader in ten of the big article's held comments is theirs (logged-in pages then merge
 * real own-pending rows), dated before today so it does not count against today's posting quota.
 */
function insertCommentsSql(): string {
  const heldRule = `(ARRAY['personal.phone','links.url','profanity.suspect','flood.shouting'])[1 + p.g % 4]`;
  const ownHeld = `p.article_id = '${BIG_ARTICLE}' AND p.status = 'pending' AND p.parent_id IS NULL AND p.g % 10 = 0`;
  const rejectedByModerator = `p.status = 'rejected' AND p.g % 2 = 0`;
  return `
    INSERT INTO comments (site_id, id, article_id, parent_id, author_id, body, status, verdict, rule_ids, reply_count, like_count,
                          created_at, deleted_at, decided_at, decision_reason)
    SELECT 'default', p.id, p.article_id, p.parent_id,
           CASE WHEN ${ownHeld} THEN r.id ELSE a.id END,
           b.body, p.status::"CommentStatus",
           CASE WHEN p.status IN ('published', 'deleted') THEN '{"decision":"publish","reasons":[],"policyVersion":1}'::jsonb
                WHEN p.status = 'rejected' AND NOT (${rejectedByModerator}) THEN jsonb_build_object('decision', 'reject', 'policyVersion', 1,
                  'reasons', jsonb_build_array(jsonb_build_object('rule', 'profanity.banned', 'action', 'reject',
                    'message', 'Your comment contains language the Standards Board does not allow.', 'messageKo', '허용되지 않는 표현이 포함되어 있습니다.')))
                ELSE jsonb_build_object('decision', 'hold', 'policyVersion', 1,
                  'reasons', jsonb_build_array(jsonb_build_object('rule', ${heldRule}, 'action', 'hold',
                    'message', 'Held for a moderator to review.', 'messageKo', '검토 후 게시됩니다.'))) END,
           CASE WHEN p.status IN ('published', 'deleted') THEN '{}'::text[]
                WHEN p.status = 'rejected' AND NOT (${rejectedByModerator}) THEN ARRAY['profanity.banned']
                ELSE ARRAY[${heldRule}] END,
           coalesce(rc.n, 0), p.like_count,
           CASE WHEN ${ownHeld} THEN p.created_at - interval '3 days' ELSE p.created_at END,
           CASE WHEN p.status = 'deleted' THEN p.created_at + (now() - p.created_at) / 2 END,
           CASE WHEN ${rejectedByModerator} THEN p.created_at + (now() - p.created_at) / 2 END,
           CASE WHEN ${rejectedByModerator} THEN 'Standards Board Policy 2.2: insults and threats' END
    FROM bench_plan p
    JOIN bench_authors a ON a.n = p.author_n
    JOIN bench_readers r ON r.n = 1 + (p.g / 10) % ${READERS}
    JOIN bench_bodies b ON b.n = p.body_n
    LEFT JOIN bench_reply_counts rc ON rc.parent_id = p.id
    ORDER BY p.created_at`;
}

/**
 * Real like rows from the bench readers: on the big article's newest and most liked threads (what the
 * logged-in pages show) and on the small article. like_count counts them on top of the likes of
 * readers not in the bench.
 */
function likesSql(): string {
  return `
    CREATE TEMP TABLE bench_liked AS
    (SELECT id FROM comments WHERE article_id = '${BIG_ARTICLE}' AND parent_id IS NULL AND status = 'published' ORDER BY created_at DESC LIMIT 2000)
    UNION
    (SELECT id FROM comments WHERE article_id = '${BIG_ARTICLE}' AND parent_id IS NULL AND status = 'published' ORDER BY like_count DESC LIMIT 200)
    UNION
    (SELECT id FROM comments WHERE article_id = '${SMALL_ARTICLE}' AND status = 'published');
    INSERT INTO comment_likes (comment_id, user_id, created_at)
    SELECT c.id, r.id, now() - random() * interval '1 day'
    FROM bench_liked c CROSS JOIN bench_readers r
    WHERE random() < 0.05;
    UPDATE comments c SET like_count = c.like_count + l.n
    FROM (SELECT comment_id, count(*)::int AS n FROM comment_likes GROUP BY comment_id) l
    WHERE c.id = l.comment_id;
    -- A dozen staff picks on the big article, for the featured list's plan.
    UPDATE comments SET featured_at = created_at + interval '1 hour'
    WHERE id IN (SELECT id FROM comments WHERE article_id = '${BIG_ARTICLE}' AND parent_id IS NULL AND status = 'published' ORDER BY like_count DESC LIMIT 12)`;
}

function articleCountsSql(): string {
  return `
    UPDATE articles a SET comment_count = c.n
    FROM (SELECT article_id, count(*)::int AS n FROM comments WHERE status = 'published' GROUP BY article_id) c
    WHERE c.article_id = a.id`;
}

/** What the application keeps exact, checked over the whole table. */
async function assertCountersExact(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ articles: number; threads: number; replies: number }>(`
    SELECT
      (SELECT count(*)::int FROM articles a
       WHERE a.comment_count <> (SELECT count(*) FROM comments c WHERE c.article_id = a.id AND c.status = 'published')) AS articles,
      (SELECT count(*)::int FROM comments p
       LEFT JOIN (SELECT parent_id, count(*) AS n FROM comments WHERE parent_id IS NOT NULL AND status = 'published' GROUP BY parent_id) r
         ON r.parent_id = p.id
       WHERE p.reply_count <> coalesce(r.n, 0)) AS threads,
      (SELECT count(*)::int FROM comments c JOIN comments p ON p.id = c.parent_id
       WHERE p.parent_id IS NOT NULL OR p.article_id <> c.article_id OR p.created_at > c.created_at) AS replies`);
  const wrong = rows[0]!;
  if (wrong.articles || wrong.threads || wrong.replies) {
    throw new Error(`seed: counters are off (articles ${wrong.articles}, reply counts ${wrong.threads}, misplaced replies ${wrong.replies})`);
  }
}

async function summarize(client: pg.Client): Promise<Omit<SeedSummary, 'seconds'>> {
  const { rows } = await client.query<{ status: string; n: number; replies: number }>(
    'SELECT status::text, count(*)::int AS n, count(parent_id)::int AS replies FROM comments GROUP BY status ORDER BY status',
  );
  const { rows: likes } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM comment_likes');
  return {
    comments: rows.reduce((sum, row) => sum + row.n, 0),
    replies: rows.reduce((sum, row) => sum + row.replies, 0),
    byStatus: Object.fromEntries(rows.map((row) => [row.status, row.n])),
    likeRows: likes[0]!.n,
  };
}
