import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';

export interface AppProcess {
  readonly pid: number;
  readonly baseUrl: string;
  /** Resident memory of the app process (VmRSS), in MB; undefined where /proc is not available. */
  residentMB(): Promise<number | undefined>;
  /** What the app logged (at warn and above), counted by level and message: "1,234 × warn: database unavailable". */
  logSummary(): string[];
  /** SIGTERM, as an orchestrator stops it (and so CPU profiles get written), then SIGKILL if it hangs. */
  stop(): Promise<void>;
}

export interface AppLaunch {
  entry: string;
  env: Record<string, string>;
  nodeFlags: string[];
  baseUrl: string;
}

const READY_TIMEOUT_MS = 60_000;
// Longer than the app's own SHUTDOWN_TIMEOUT_MS default (10 s), so it gets to finish and write its profiles.
const STOP_TIMEOUT_MS = 15_000;
const LOG_TAIL_LINES = 40;

/** Starts `node <entry>` with only the given environment (plus PATH) and waits for /readyz to answer 200. */
export async function startApp(launch: AppLaunch): Promise<AppProcess> {
  const child = spawn(process.execPath, [...launch.nodeFlags, launch.entry], {
    // The bench's own environment (OAuth settings, a DATABASE_URL for the seed) must not leak into the app.
    env: { PATH: process.env.PATH ?? '', ...launch.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const counts = new Map<string, number>();
  const keep = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      tail.push(line);
      const kind = logKind(line);
      if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    tail.splice(0, Math.max(0, tail.length - LOG_TAIL_LINES));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = once(child, 'exit');
  const app: AppProcess = {
    pid: child.pid!,
    baseUrl: launch.baseUrl,
    residentMB: () => residentMB(child.pid!),
    logSummary: () => [...counts].map(([kind, count]) => `${count.toLocaleString('en-US')} × ${kind}`),
    stop: () => stopChild(child, exited),
  };
  try {
    await waitUntilReady(launch.baseUrl, child);
  } catch (error) {
    await app.stop();
    throw new Error(`the app did not become ready: ${(error as Error).message}\n${tail.join('\n')}`, { cause: error });
  }
  return app;
}

const PINO_LEVELS: Record<number, string> = { 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** "warn: database unavailable" for a pino line; undefined for anything else (the start-up banner). */
function logKind(line: string): string | undefined {
  try {
    const entry = JSON.parse(line) as { level?: number; msg?: string };
    return `${PINO_LEVELS[entry.level ?? 0] ?? `level ${entry.level}`}: ${entry.msg ?? '(no message)'}`;
  } catch {
    return undefined;
  }
}

async function waitUntilReady(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`it exited with code ${child.exitCode}`);
    const status = await fetch(`${baseUrl}/readyz`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`/readyz did not answer 200 within ${READY_TIMEOUT_MS / 1000} s`);
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

async function residentMB(pid: number): Promise<number | undefined> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
  // The kernel's "kB" are KiB.
  const kiB = status && /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  return kiB ? (Number(kiB) * 1024) / 1e6 : undefined;
}
