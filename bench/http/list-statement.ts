// The list statement on its own, without HTTP: its plans (EXPLAIN ANALYZE, BUFFERS) and its
// throughput under pgbench, so a slow page can be told apart from a slow statement.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type pg from 'pg';
import { type CommentPageQuery, commentPageStatement } from '@/modules/comments/comments.repository.js';
import { DEFAULT_SITE_ID, mintSiteScope } from '@/modules/sites/site-scope.js';
import type { Cleanup } from './cleanup.js';

const run = promisify(execFile);

export interface LabelledQuery {
  label: string;
  query: CommentPageQuery;
}

export interface PgbenchResult {
  label: string;
  tps: number;
  latencyMs: number;
}

export const PGBENCH_ARGS = ['-n', '-T', '10', '-c', '8', '-j', '2'];

export async function explainPlans(client: pg.Client, queries: LabelledQuery[]): Promise<string[]> {
  const plans: string[] = [];
  for (const { label, query } of queries) {
    const statement = commentPageStatement(mintSiteScope(DEFAULT_SITE_ID), query);
    // Once to warm the cache as the app's pages are warm, then the plan that counts.
    await client.query(statement.text, statement.values);
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
    plans.push(`-- ${label}\n${rows.map((row) => row['QUERY PLAN']).join('\n')}\n`);
  }
  return plans;
}

/** Whether pgbench can be run here; if not, how to get it. */
export async function findPgbench(): Promise<{ found: true; version: string } | { found: false; hint: string }> {
  try {
    const { stdout } = await run('pgbench', ['--version']);
    return { found: true, version: stdout.trim() };
  } catch {
    return { found: false, hint: 'pgbench is not on PATH: skipped (Debian/Ubuntu: apt-get install postgresql-contrib; macOS: brew install libpq)' };
  }
}

/** pgbench on each statement with its values written in as literals, one script file per statement. */
export async function pgbenchStatements(databaseUrl: string, queries: LabelledQuery[], cleanup: Cleanup): Promise<PgbenchResult[]> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'comment-desk-pgbench-'));
  cleanup.add('remove the pgbench scripts', () => rm(folder, { recursive: true, force: true }));
  const results: PgbenchResult[] = [];
  for (const [i, { label, query }] of queries.entries()) {
    const script = path.join(folder, `statement-${i}.sql`);
    await writeFile(script, `${inlineValues(commentPageStatement(mintSiteScope(DEFAULT_SITE_ID), query))};\n`);
    const { stdout } = await run('pgbench', [...PGBENCH_ARGS, '-f', script, databaseUrl], { maxBuffer: 1 << 20 });
    results.push({ label, tps: readNumber(stdout, /^tps = ([\d.]+)/m), latencyMs: readNumber(stdout, /^latency average = ([\d.]+) ms/m) });
  }
  return results;
}

function readNumber(output: string, pattern: RegExp): number {
  const match = pattern.exec(output);
  if (!match) throw new Error(`pgbench output not understood:\n${output}`);
  return Number(match[1]);
}

/** The statement's text with $1…$n replaced by the values as SQL literals (pgbench scripts take no bound values). */
export function inlineValues(statement: { text: string; values: unknown[] }): string {
  return statement.text.replace(/\$(\d+)/g, (_, n: string) => sqlLiteral(statement.values[Number(n) - 1]));
}

function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return `'${value.toISOString()}'::timestamptz`;
  if (Array.isArray(value)) return `ARRAY[${value.map(sqlLiteral).join(', ')}]`;
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  throw new Error(`no SQL literal for ${typeof value}`);
}
