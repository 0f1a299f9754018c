import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { appendFile, chmod, chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createDatabase, withDatabaseName } from '@/database/database-admin.js';
import { type EmbeddedDatabaseServer, openEmbeddedDatabase } from '@/database/embedded-postgres.js';
import { findFreePort } from '@/database/free-port.js';
import { applyMigrations } from '@/database/migrations.js';
import { sql } from './sql.js';

const run = promisify(execFile);

/** A primary and its hot standby, streaming over loopback, each with the migrated app database. */
export interface ReplicatedDatabase {
  /** The app database on the primary, and the same database on the replica. */
  primaryUrl: string;
  replicaUrl: string;
  /** Stops applying WAL on the replica (it keeps receiving it), so it serves an older snapshot. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Resolves once the replica has replayed everything the primary has written so far. */
  waitForReplay(): Promise<void>;
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  /** Stops both servers and deletes their folders. */
  destroy(): Promise<void>;
}

const WAIT_MS = 15_000;

/**
 * Builds the replica the way pg_basebackup would, without it (the embedded binaries have none): a
 * cleanly stopped primary's data folder is copied, marked as a standby that streams from the
 * primary, and both are started. A few seconds, on ports of their own.
 */
export async function startReplicatedDatabase(database = 'comment_desk'): Promise<ReplicatedDatabase> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'comment-desk-replica-'));
  await chmod(root, 0o755); // the servers run as the `postgres` user when we are root
  const primaryDir = path.join(root, 'primary');
  const replicaDir = path.join(root, 'replica');
  let primary: EmbeddedDatabaseServer | undefined;
  let replica: StandbyServer | undefined;
  const destroy = async (): Promise<void> => {
    await replica?.stop().catch(() => undefined);
    await primary?.stop().catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  };
  try {
    const [primaryPort, replicaPort] = await twoFreePorts();
    primary = await openEmbeddedDatabase({ dataDir: primaryDir, port: primaryPort });
    await createDatabase(primary.adminUrl, database);
    await applyMigrations(withDatabaseName(primary.adminUrl, database));
    await primary.stop();

    await allowReplicationFromLoopback(primaryDir);
    // -a keeps the owner (the `postgres` user) and the 0700 mode PostgreSQL insists on.
    await run('cp', ['-a', primaryDir, replicaDir]);
    await markAsStandby(replicaDir, { primaryPort, replicaPort });

    await primary.start();
    replica = new StandbyServer(replicaDir);
    await replica.start();
    const replicaAdminUrl = onPort(primary.adminUrl, replicaPort);
    const pair: ReplicatedDatabase = {
      primaryUrl: withDatabaseName(primary.adminUrl, database),
      replicaUrl: withDatabaseName(replicaAdminUrl, database),
      pauseReplay: async () => {
        await sql(replicaAdminUrl, 'SELECT pg_wal_replay_pause()');
        // 'pause requested' already stops replay before the next record.
        await waitFor('replay to pause', async () => {
          const [row] = await sql<{ state: string }>(replicaAdminUrl, 'SELECT pg_get_wal_replay_pause_state() AS state');
          return row?.state !== 'not paused';
        });
      },
      resumeReplay: async () => void (await sql(replicaAdminUrl, 'SELECT pg_wal_replay_resume()')),
      waitForReplay: async () => {
        // A commit flushes all WAL before it, so the position read after it is one a standby can
        // reach: it never ends inside a record that only a later flush would complete.
        await sql(primary!.adminUrl, 'SELECT pg_current_xact_id()');
        const [written] = await sql<{ lsn: string }>(primary!.adminUrl, 'SELECT pg_current_wal_lsn()::text AS lsn');
        await waitFor('the replica to replay the primary', async () => {
          const [row] = await sql<{ done: boolean }>(replicaAdminUrl, 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [written!.lsn]);
          return row?.done === true;
        });
      },
      stopReplica: () => replica!.stop(),
      startReplica: () => replica!.start(),
      destroy,
    };
    await waitFor('the replica to stream from the primary', async () => {
      const [row] = await sql<{ status: string }>(replicaAdminUrl, 'SELECT status FROM pg_stat_wal_receiver');
      return row?.status === 'streaming';
    });
    await pair.waitForReplay();
    return pair;
  } catch (error) {
    await destroy();
    throw error;
  }
}

function onPort(connectionString: string, port: number): string {
  const url = new URL(connectionString);
  url.port = String(port);
  return url.toString();
}

async function twoFreePorts(): Promise<[number, number]> {
  const first = await findFreePort();
  let second = await findFreePort();
  while (second === first) second = await findFreePort();
  return [first, second];
}

/** initdb allows it already; kept explicit so the replica's login does not depend on its defaults. */
async function allowReplicationFromLoopback(dataDir: string): Promise<void> {
  const hba = path.join(dataDir, 'pg_hba.conf');
  const rules = await readFile(hba, 'utf8');
  if (!/^host\s+replication\s+all\s+127\.0\.0\.1\/32\s+scram-sha-256\s*$/m.test(rules)) {
    await appendFile(hba, '\nhost    replication     all             127.0.0.1/32            scram-sha-256\n');
  }
}

async function markAsStandby(dataDir: string, ports: { primaryPort: number; replicaPort: number }): Promise<void> {
  // The embedded server's own credentials (see embedded-postgres.ts).
  const conninfo = `host=127.0.0.1 port=${ports.primaryPort} user=postgres password=postgres application_name=comment_desk_test_replica`;
  await appendFile(path.join(dataDir, 'postgresql.auto.conf'), `\nprimary_conninfo = '${conninfo}'\nport = ${ports.replicaPort}\nhot_standby = on\n`);
  const signal = path.join(dataDir, 'standby.signal');
  await writeFile(signal, '', { mode: 0o600 });
  const owner = await postgresOwner();
  if (owner) await chown(signal, owner.uid, owner.gid);
}

/** PostgreSQL refuses to run as root; the embedded server then runs as `postgres` (it creates the user). */
async function postgresOwner(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * The standby's server process. Not through embedded-postgres, whose start() waits for a log line
 * that a standby never prints ("ready to accept connections"; a standby accepts read-only ones).
 */
class StandbyServer {
  private process: ChildProcess | undefined;
  private readonly killOnExit = (): void => void this.process?.kill('SIGKILL');

  constructor(private readonly dataDir: string) {}

  async start(): Promise<void> {
    if (this.process) return;
    const { postgres } = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { postgres: string };
    const child = spawn(postgres, ['-D', this.dataDir, '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='], {
      ...(await postgresOwner()),
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.process = child;
    process.once('exit', this.killOnExit);
    let output = '';
    try {
      await new Promise<void>((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error('the standby did not start in time')), WAIT_MS);
        child.stderr.on('data', (chunk: Buffer) => {
          output = (output + chunk.toString('utf8')).slice(-4_000);
          if (output.includes('ready to accept read-only connections')) {
            clearTimeout(timeout);
            resolve();
          }
        });
        child.once('exit', (code) => {
          clearTimeout(timeout);
          reject(new Error(`the standby exited with code ${code}`));
        });
      });
    } catch (error) {
      await this.stop();
      throw new Error(`${(error as Error).message}:\n${output}`, { cause: error });
    }
  }

  /** A fast shutdown, as embedded-postgres does for the primary. */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child) return;
    this.process = undefined;
    process.off('exit', this.killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGINT');
    await exited;
  }
}

async function waitFor(what: string, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    if (await done().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
