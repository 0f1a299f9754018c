import { execFile } from 'node:child_process';
import os from 'node:os';
import { promisify } from 'node:util';
import type pg from 'pg';

const run = promisify(execFile);

/** Cores, CPU, memory, Node and PostgreSQL: absolute figures only compare on the same line. */
export async function machineLine(client: pg.Client, databaseWhere: string): Promise<string> {
  const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
  const cpus = os.cpus();
  return (
    `machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
    `Node ${process.version}, PostgreSQL ${rows[0]!.server_version} (${databaseWhere})`
  );
}

/** Other work on the machine moves every figure: the 1-minute load average, taken at start and at the end. */
export function loadAverage(): string {
  return os.loadavg()[0]!.toFixed(1);
}

/** The code measured: others may be editing it while the bench runs, so say which state it was. */
export async function codeLine(): Promise<string> {
  try {
    const { stdout: commit } = await run('git', ['rev-parse', '--short', 'HEAD']);
    const { stdout: changes } = await run('git', ['status', '--porcelain', '--', 'src', 'prisma']);
    const changed = changes.split('\n').filter(Boolean).length;
    return `code: ${commit.trim()}${changed ? ` + ${changed} uncommitted change(s) under src/ and prisma/` : ''}`;
  } catch {
    return 'code: (not a git checkout)';
  }
}
