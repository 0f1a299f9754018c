import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { HttpClient } from './http-client.js';

/** The built service, as `npm start` runs it. */
export const BUILT_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export interface ServiceProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export interface ServiceLaunch {
  main?: string;
  nodeArgs?: string[];
  cwd?: string;
}

/** `env` on top of this process's, without the database settings a test run may carry. */
export function startService(env: Record<string, string>, launch: ServiceLaunch = {}): ServiceProcess {
  const { DATABASE_URL: _url, EMBEDDED_DB_PORT: _port, ...inherited } = process.env;
  const child = spawn(process.execPath, [...(launch.nodeArgs ?? []), launch.main ?? BUILT_MAIN], {
    cwd: launch.cwd,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function waitUntilReady(http: HttpClient, started: ServiceProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`the service exited early:\n${started.output()}`);
    const status = await http.get('/readyz').then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`not ready within ${timeoutMs} ms:\n${started.output()}`);
}

/** Stops the service as a service manager would, and resolves with its exit code. */
export async function stopService(started: ServiceProcess): Promise<number | null> {
  if (started.child.exitCode === null && started.child.signalCode === null) started.child.kill('SIGTERM');
  return started.exited;
}
